import { Global, Module } from '@nestjs/common';
import { ClaimsReader, DiffReader, FactLocator, LineageReader, MembershipReader } from '@storyline/projections';
import { FACT_LOCATOR, MEMBERSHIP_LOCATOR } from '@storyline/timeline';
import { DataSource } from 'typeorm';

/** The fact-level readers (lineage, diff), the locator that routes `/facts/{id}` writes and the membership reader that membership writes check. */
@Global()
@Module({
  providers: [
    { provide: FACT_LOCATOR, inject: [DataSource], useFactory: (dataSource: DataSource) => new FactLocator(dataSource) },
    { provide: LineageReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new LineageReader(dataSource) },
    { provide: DiffReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new DiffReader(dataSource) },
    { provide: MembershipReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new MembershipReader(dataSource) },
    { provide: MEMBERSHIP_LOCATOR, useExisting: MembershipReader },
    { provide: ClaimsReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new ClaimsReader(dataSource) },
  ],
  exports: [FACT_LOCATOR, MEMBERSHIP_LOCATOR, MembershipReader, LineageReader, DiffReader, ClaimsReader],
})
export class FactReadersModule {}

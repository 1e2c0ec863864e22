import { Global, Module } from '@nestjs/common';
import { ClaimsReader, DiffReader, FactLocator, LineageReader } from '@storyline/projections';
import { FACT_LOCATOR } from '@storyline/timeline';
import { DataSource } from 'typeorm';

/** The fact-level readers (lineage, diff) and the locator that routes `/facts/{id}` writes. */
@Global()
@Module({
  providers: [
    { provide: FACT_LOCATOR, inject: [DataSource], useFactory: (dataSource: DataSource) => new FactLocator(dataSource) },
    { provide: LineageReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new LineageReader(dataSource) },
    { provide: DiffReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new DiffReader(dataSource) },
    { provide: ClaimsReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new ClaimsReader(dataSource) },
  ],
  exports: [FACT_LOCATOR, LineageReader, DiffReader, ClaimsReader],
})
export class FactReadersModule {}

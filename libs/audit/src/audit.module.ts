import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogReader } from './audit-log/audit-log.reader';
import { AuditController } from './http/audit.controller';
import { ExportController } from './http/export.controller';
import { AUDIT_SQL } from './http/tokens';
import { PostgresChainSource } from './postgres/chain-source';
import type { SqlQuery } from './postgres/sql';

/**
 * The audit routes: `GET /audit/verify`, `GET /audit/log`, `GET /stories/{story}/export`.
 * Reads the event log through the host's TypeORM DataSource (global in the API).
 */
@Module({
  controllers: [AuditController, ExportController],
  providers: [
    { provide: AUDIT_SQL, inject: [DataSource], useFactory: (dataSource: DataSource): SqlQuery => (sql, params) => dataSource.query(sql, params) },
    { provide: PostgresChainSource, inject: [AUDIT_SQL], useFactory: (query: SqlQuery) => new PostgresChainSource(query) },
    { provide: AuditLogReader, inject: [AUDIT_SQL], useFactory: (query: SqlQuery) => new AuditLogReader(query) },
  ],
})
export class AuditModule {}

import { Module } from '@nestjs/common';
import { AuditController } from './http/audit.controller';
import { ExportController } from './http/export.controller';

/**
 * The audit routes: `GET /audit/verify`, `GET /audit/log`, `GET /stories/{story}/export`.
 * They read the log under audit through the {@link AUDITED_LOG} the host provides (globally),
 * matching its event store: the PostgreSQL `events` table or the log index over KurrentDB.
 */
@Module({ controllers: [AuditController, ExportController] })
export class AuditModule {}

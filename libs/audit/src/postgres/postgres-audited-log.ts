import { AuditLogReader, type AuditLogFilter, type AuditLogPage } from '../audit-log/audit-log.reader';
import type { AuditedLog } from '../audited-log';
import type { ChainRow } from '../chain/chain-row';
import { PostgresChainSource } from './chain-source';
import { CHAIN_COLUMNS, toChainRow, type ChainRecord, type SqlQuery } from './sql';

/** The PostgreSQL `events` table as the {@link AuditedLog}. */
export class PostgresAuditedLog extends PostgresChainSource implements AuditedLog {
  private readonly auditLog: AuditLogReader;

  constructor(private readonly sql: SqlQuery) {
    super(sql);
    this.auditLog = new AuditLogReader(sql);
  }

  page(filter: AuditLogFilter): Promise<AuditLogPage> {
    return this.auditLog.page(filter);
  }

  async streamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]> {
    const records: ChainRecord[] = await this.sql(
      `SELECT ${CHAIN_COLUMNS} FROM events
        WHERE events.stream_id = $1 AND events.position > $2 AND events.position <= $3
        ORDER BY events.position LIMIT $4`,
      [streamId, after.toString(), upTo.toString(), limit],
    );
    return records.map(toChainRow);
  }
}

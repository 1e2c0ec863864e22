import type { AuditLogFilter, AuditLogPage } from './audit-log/audit-log.reader';
import type { ChainRow } from './chain/chain-row';
import type { ChainSource } from './chain/verify-chain';

/**
 * The log under audit, wherever it is kept: the PostgreSQL `events` table
 * ({@link PostgresAuditedLog}), or the log index over a native store such as KurrentDB
 * ({@link IndexedAuditedLog}). The host provides the one that matches its event store; the
 * audit routes and the CLI read only this.
 */
export interface AuditedLog extends ChainSource {
  /** One page of the audit log: events with their metadata and hashes, filtered, in position order. */
  page(filter: AuditLogFilter): Promise<AuditLogPage>;
  /** Up to `limit` events of one stream after position `after` and at most `upTo`, in position order. */
  streamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]>;
}

/** Nest injection token for the host's {@link AuditedLog}. */
export const AUDITED_LOG = Symbol('AUDITED_LOG');

import type { ChainedLog } from '@storyline/event-store';
import { auditLogPage, type AuditLogFilter, type AuditLogPage } from './audit-log/audit-log.reader';
import type { ChainHead, ChainRow } from './chain/chain-row';
import type { ChainSource } from './chain/verify-chain';

/**
 * The log under audit, as the audit routes and the CLI read it. The host makes it of the
 * event store's hash chain ({@link ChainedLog}, which the PostgreSQL and the indexed stores
 * keep): audit reads the log through the event-store port, never a table of its own.
 */
export interface AuditedLog extends ChainSource {
  /** One page of the audit log: events with their metadata and hashes, filtered, in position order. */
  page(filter: AuditLogFilter): Promise<AuditLogPage>;
  /** Up to `limit` events of one stream after position `after` and at most `upTo`, in position order. */
  streamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]>;
}

/** The {@link AuditedLog} of an event store's hash chain (see `chainedLogOf` in the port). */
export class ChainAuditedLog implements AuditedLog {
  constructor(private readonly chain: ChainedLog) {}

  head(): Promise<ChainHead> {
    return this.chain.chainHead();
  }

  batch(after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]> {
    return this.chain.chainBatch(after, upTo, limit);
  }

  successorsOf(hash: string): Promise<ChainRow[]> {
    return this.chain.chainSuccessorsOf(hash);
  }

  withHash(hash: string): Promise<ChainRow | null> {
    return this.chain.chainWithHash(hash);
  }

  async page(filter: AuditLogFilter): Promise<AuditLogPage> {
    return auditLogPage(await this.chain.chainPage(filter), filter.limit);
  }

  streamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]> {
    return this.chain.chainStreamBatch(streamId, after, upTo, limit);
  }
}

/** Nest injection token for the host's {@link AuditedLog}. */
export const AUDITED_LOG = Symbol('AUDITED_LOG');

import { CONNECT_TIMEOUT_MS, guardPool } from '@storyline/database/connection-faults';
import { Pool, type ClientBase } from 'pg';
import type { ChainedEvent, ChainedLog, ChainFilter, ChainHead } from '../chained-log';
import { ConcurrencyError, describeExpected } from '../errors';
import { EventsTableChain } from './events-chain';
import {
  START,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
} from '../event-store.port';
import { checkCount, prepareAppend } from '../shared/append-validation';
import { Doorbell } from '../shared/doorbell';
import { followLog } from '../shared/follow-log';
import { appendInOneStatement, isUniqueViolation } from './append-statement';
import { commitBatch } from './append-transaction';
import type { AppendOutcome, QueuedAppend } from './batch-plan';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-rows';
import { DEFAULT_BATCH_LIMITS, GroupCommit, type BatchLimits } from './group-commit';
import { canonicalBody } from './hash-chain';
import { LogListener } from './log-listener';
import { APPENDER_ROLE } from './migrations';

/** How the store paces subscriptions and batches appends; the defaults suit most uses. */
export interface PostgresEventStoreTuning {
  /** How often a subscription re-reads when no notification came; default 1000 ms. */
  readonly pollIntervalMs?: number;
  readonly batchLimits?: BatchLimits;
}

/** Where PostgreSQL is, for a store that opens and owns its pool. */
export interface PostgresEventStoreOptions extends PostgresEventStoreTuning {
  readonly connectionString: string;
  /** Connections in the store's pool, at least 2: one is kept for LISTEN once someone subscribes. Default 10. */
  readonly poolSize?: number;
  /**
   * The role each connection takes on (`SET ROLE`), one that may read and append events but
   * not change them; default {@link APPENDER_ROLE}, null to keep the login's own role.
   */
  readonly appenderRole?: string | null;
  /** Where the store's one warning goes (the role missing or not granted); default process.emitWarning. */
  readonly warn?: (message: string) => void;
}

/**
 * The event store on PostgreSQL (schema: {@link EVENT_STORE_MIGRATIONS}). Appends from one
 * process are group-committed, a batch in one round trip when nothing in it is unusual;
 * appends from all processes take turns on one advisory lock, which keeps positions gap-free
 * and in commit order for followers.
 *
 * Give it a connection string and it owns its pool, whose connections take on the appender
 * role (see {@link PostgresEventStoreOptions.appenderRole}); give it a `Pool` (of at least two
 * connections, as one is kept for LISTEN) and it leaves that pool's roles and closing to its owner.
 */
export class PostgresEventStore implements EventStore, ChainedLog {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly doorbell = new Doorbell();
  private readonly listener: LogListener;
  private readonly appends: GroupCommit;
  private readonly pollIntervalMs: number;
  private closed = false;
  /** The hash chain as stored, for audits ({@link ChainedLog}). */
  private readonly chain: EventsTableChain;

  constructor(source: PostgresEventStoreOptions | Pool, tuning: PostgresEventStoreTuning = {}) {
    const options: PostgresEventStoreTuning = { ...(source instanceof Pool ? {} : source), ...tuning };
    this.ownsPool = !(source instanceof Pool);
    this.pool = source instanceof Pool ? source : ownPool(source);
    // A pooled connection that breaks (idle or checked out) must not crash the process.
    if (this.ownsPool) guardPool(this.pool);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.listener = new LogListener(this.pool, this.doorbell);
    this.appends = new GroupCommit((batch) => this.commit(batch), options.batchLimits ?? DEFAULT_BATCH_LIMITS);
    this.chain = new EventsTableChain(async (sql, params) => (await this.pool.query(sql, params)).rows);
  }

  chainHead(): Promise<ChainHead> {
    return this.chain.chainHead();
  }

  chainBatch(after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    return this.chain.chainBatch(after, upTo, limit);
  }

  chainSuccessorsOf(hash: string): Promise<ChainedEvent[]> {
    return this.chain.chainSuccessorsOf(hash);
  }

  chainWithHash(hash: string): Promise<ChainedEvent | null> {
    return this.chain.chainWithHash(hash);
  }

  chainPage(filter: ChainFilter): Promise<ChainedEvent[]> {
    return this.chain.chainPage(filter);
  }

  chainStreamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    return this.chain.chainStreamBatch(streamId, after, upTo, limit);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    // Canonicalised now, in the caller's turn, rather than later while holding the append lock.
    const queued = prepareAppend(streamId, events).map((event) => ({ ...event, body: canonicalBody(event.data, event.metadata) }));
    return this.appends.submit({ streamId, events: queued, expected });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY events.stream_revision LIMIT $3`,
      [streamId, (options.fromRevision ?? 0n).toString(), options.maxCount ?? null],
    );
    return rows.map(toStoredEvent);
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ revision: string | null }>('SELECT max(stream_revision)::text AS revision FROM events WHERE stream_id = $1', [streamId]);
    return rows[0].revision === null ? null : BigInt(rows[0].revision);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    checkCount('maxCount', options.maxCount, 'required');
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE position > $1 AND ($3::text[] IS NULL OR stream_id ^@ ANY($3::text[]))
        ORDER BY events.position LIMIT $2`,
      [(options.after ?? START).toString(), options.maxCount, options.streamPrefixes ?? null],
    );
    return rows.map(toStoredEvent);
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<StoredEvent> {
    this.assertOpen();
    const log = {
      readAll: (read: ReadAllOptions) => this.readAll(read),
      doorbell: this.doorbell,
      isClosed: () => this.closed,
      ensureLive: () => this.listener.ensureListening(),
    };
    return followLog(log, options, this.pollIntervalMs);
  }

  async headPosition(): Promise<GlobalPosition> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ head: string }>('SELECT coalesce(max(position), 0)::text AS head FROM events');
    return BigInt(rows[0].head);
  }

  /** Waits for queued appends, ends every subscription, then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.appends.idle();
    this.doorbell.ring();
    await this.listener.close();
    if (this.ownsPool) await this.pool.end();
  }

  private async commit(batch: readonly QueuedAppend[]): Promise<AppendOutcome[]> {
    const client = await this.pool.connect();
    let failed = false;
    try {
      const outcomes = (await appendInOneStatement(client, batch)) ?? (await commitBatch(client, batch));
      this.doorbell.ring();
      return outcomes;
    } catch (error) {
      failed = true;
      if (isUniqueViolation(error)) return batch.map(conflictOutsideTheLock);
      throw error;
    } finally {
      client.release(failed);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the PostgreSQL event store is closed');
  }
}

function ownPool(options: PostgresEventStoreOptions): Pool {
  const { connectionString, poolSize = 10 } = options;
  if (!Number.isInteger(poolSize) || poolSize < 2) {
    throw new RangeError(`poolSize must be a whole number >= 2 (one connection listens for commits), got ${poolSize}`);
  }
  const role = options.appenderRole === undefined ? APPENDER_ROLE : options.appenderRole;
  if (role === null) return new Pool({ connectionString, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const warn = once(options.warn ?? ((message: string) => process.emitWarning(message, 'StorylineEventStore')));
  return new Pool({ connectionString, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, onConnect: (client) => assumeRole(client, role, warn) });
}

/**
 * Takes on `role` when it exists and the login may use it; otherwise warns and carries on
 * with the login's own rights (the immutability trigger still refuses changes).
 */
async function assumeRole(client: ClientBase, role: string, warn: (message: string) => void): Promise<void> {
  try {
    const { rows } = await client.query<{ exists: boolean; assumed: string | null }>(
      `SELECT r.oid IS NOT NULL AS exists,
              CASE WHEN pg_has_role(current_user, r.oid, 'MEMBER') THEN set_config('role', r.rolname, false) END AS assumed
         FROM (SELECT 1) AS one LEFT JOIN pg_roles r ON r.rolname = $1`,
      [role],
    );
    if (!rows[0].exists) warn(`the role ${role} does not exist (run the migrations): events are appended with the login's own rights`);
    else if (rows[0].assumed !== role) warn(`the login may not SET ROLE ${role} (GRANT ${role} TO <login>): events are appended with the login's own rights`);
  } catch (error) {
    warn(`could not SET ROLE ${role}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function once(warn: (message: string) => void): (message: string) => void {
  let warned = false;
  return (message) => {
    if (!warned) warn(message);
    warned = true;
  };
}

/** Only a writer that bypassed the append lock can cause a unique violation; the batch's appends may retry. */
function conflictOutsideTheLock(append: QueuedAppend): AppendOutcome {
  return { error: new ConcurrencyError(append.streamId, describeExpected(append.expected), 'unknown (changed by a writer outside the append lock)') };
}

import type { EventStore } from './event-store.port';
import type { ChainedEventContent } from './postgres/hash-chain';

/** One event of a hash-chained log as stored: the hashed content plus the two stored hashes. */
export interface ChainedEvent extends ChainedEventContent {
  /** The hash this event was chained to: its predecessor's when it was appended. */
  readonly prevHash: string;
  /** '' when the store holds none (which never verifies). */
  readonly hash: string;
}

/** The newest event's place and hash, or position 0 and the genesis hash for an empty log. */
export interface ChainHead {
  readonly position: bigint;
  readonly hash: string;
}

/** Which events {@link ChainedLog.chainPage} returns; every filter is optional and they combine with AND. */
export interface ChainFilter {
  readonly streamId?: string;
  /** The actor in the event's metadata. */
  readonly actor?: string;
  readonly type?: string;
  /** Recorded at or after this instant (ISO-8601). */
  readonly from?: string;
  /** Recorded before this instant (ISO-8601). */
  readonly to?: string;
  /** Only events after this global position. */
  readonly after: bigint;
  readonly limit: number;
}

/**
 * A capability of the stores that keep the log's hash chain (PostgreSQL's `events` table, the
 * log index of the indexed store): the chain as stored, for audits that must see exactly what
 * is kept, tampering included. Rows a store cannot read back whole come without content in
 * the `chainBatch`/`chainSuccessorsOf`/`chainWithHash` reads (so they fail to verify) and are
 * refused in `chainPage`/`chainStreamBatch`, which show events to people.
 */
export interface ChainedLog {
  chainHead(): Promise<ChainHead>;
  /** Events after `after` and at most `upTo`, in position order, at most `limit`. */
  chainBatch(after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]>;
  /** Every stored event chained to `hash` (one, unless the log was tampered with). */
  chainSuccessorsOf(hash: string): Promise<ChainedEvent[]>;
  chainWithHash(hash: string): Promise<ChainedEvent | null>;
  /** One page of the log, filtered, in position order. */
  chainPage(filter: ChainFilter): Promise<ChainedEvent[]>;
  /** Up to `limit` events of one stream after `after` and at most `upTo`, in position order. */
  chainStreamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]>;
}

/** The store keeps no hash chain (the in-memory store, KurrentDB without the log index). */
export class ChainNotKeptError extends Error {
  constructor(store: string) {
    super(`${store} keeps no hash chain; auditing needs the PostgreSQL event store or the indexed store`);
    this.name = 'ChainNotKeptError';
  }
}

const CHAIN_METHODS = ['chainHead', 'chainBatch', 'chainSuccessorsOf', 'chainWithHash', 'chainPage', 'chainStreamBatch'] as const;

export function keepsChain(store: EventStore | object): store is EventStore & ChainedLog {
  return CHAIN_METHODS.every((method) => typeof (store as Record<string, unknown>)[method] === 'function');
}

/** The store's hash chain; throws {@link ChainNotKeptError} for a store that keeps none. */
export function chainedLogOf(store: EventStore | object): ChainedLog {
  if (!keepsChain(store)) throw new ChainNotKeptError(store.constructor?.name ?? 'this event store');
  return store;
}

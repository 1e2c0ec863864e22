/**
 * The event store's port: the interface, its errors and the in-memory store. Loading it loads
 * no database driver; adapters are subpath imports (`@storyline/event-store/postgres`,
 * `/indexed`, `/kurrentdb`).
 */
export * from './event-store.port';
export * from './errors';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export * from './chained-log';
// The chain's hash is pure (node:crypto): the port offers it, so auditing needs no adapter.
export { chainHash, isChainHash, GENESIS_HASH, HASH_ALGORITHM, type ChainedEventContent } from './postgres/hash-chain';

export { PostgresEventStore, type PostgresEventStoreOptions, type PostgresEventStoreTuning } from './postgres-event-store';
export {
  AddAppendFunction1764800000000,
  AddAuditIndexes1764700000002,
  AddHashChain1764700000000,
  APPENDER_ROLE,
  CreateAppenderRole1764700000001,
  CreateEventLog1764000000000,
  EVENT_STORE_MIGRATIONS,
} from './migrations';
export { DEFAULT_BATCH_LIMITS, type BatchLimits } from './group-commit';
export {
  canonicalBody,
  canonicalEvent,
  canonicalEventFrom,
  canonicalJson,
  chainHash,
  chainHashFrom,
  GENESIS_HASH,
  HASH_ALGORITHM,
  isChainHash,
  recordedAtText,
  type CanonicalBody,
  type ChainedEventContent,
  type EventPlace,
} from './hash-chain';
export { EventsTableChain } from './events-chain';
export { CHAIN_COLUMNS, chainPageQuery, toChainedEvent, EVENTS_TABLE, type ChainRecord, type ChainTable, type SqlRows } from './chain-sql';

export { IndexedEventStore, type IndexedEventStoreOptions, type IndexedEventStoreTuning } from './indexed-event-store';
export { LogIndexLagError, LogIndexMismatchError } from './errors';
export { chainTime, EMPTY_INDEX, planIndexRows, type IndexHead, type IndexRow } from './index-rows';
export { INDEX_LOCK, type IndexedPlace } from './log-index-table';
export { isIndexedEvent, planNativeReads, type IndexPlace, type NativeRead } from './native-reads';
export { CreateLogIndex1765000000000, LOG_INDEX_MIGRATIONS } from './migrations';
export { LogIndexChain, type NativeEvents } from './index-chain';

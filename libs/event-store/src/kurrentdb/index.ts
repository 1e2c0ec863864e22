export {
  KurrentDbEventStore,
  createKurrentDbEventStore,
  type KurrentDbClient,
  type KurrentDbEventStoreOptions,
  type KurrentDbEventStoreTuning,
} from './kurrentdb-event-store';
export { MAX_POSITION_PART, packPosition, unpackPosition } from './log-position';

export * from './event-store.port';
export * from './errors';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export * from './postgres';
export * from './indexed';

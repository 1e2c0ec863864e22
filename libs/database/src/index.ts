export * from './config';
export * from './embedded-postgres';
export * from './test-database';
export * from './migrations';
export * from './open-database';
export * from './connection-faults';

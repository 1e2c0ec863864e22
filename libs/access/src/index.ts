import { CreateApiKeys1764600000000 } from './migrations/1764600000000-CreateApiKeys';
import { CreateWriteBudget1765100000000 } from './migrations/1765100000000-CreateWriteBudget';

export * from './roles';
export * from './api-keys';
export * from './access.module';
export * from './write-rate-limiter';
export * from './postgres-write-rate-limiter';

export const ACCESS_MIGRATIONS = [CreateApiKeys1764600000000, CreateWriteBudget1765100000000];

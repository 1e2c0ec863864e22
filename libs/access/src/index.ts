import { CreateApiKeys1764600000000 } from './migrations/1764600000000-CreateApiKeys';

export * from './roles';
export * from './api-keys';
export * from './access.module';
export * from './write-rate-limiter';

export const ACCESS_MIGRATIONS = [CreateApiKeys1764600000000];

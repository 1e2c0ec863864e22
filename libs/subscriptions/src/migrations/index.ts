import { CreateSubscriptions1766000000000 } from './1766000000000-CreateSubscriptions';

/** Kept apart from the lib's barrel so that libs/host can collect them without loading the rest. */
export const SUBSCRIPTION_MIGRATIONS = [CreateSubscriptions1766000000000];

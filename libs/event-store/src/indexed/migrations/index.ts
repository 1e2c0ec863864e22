import { CreateLogIndex1765000000000 } from './1765000000000-CreateLogIndex';

export { CreateLogIndex1765000000000 };

/** The log index's schema migrations, oldest first. */
export const LOG_INDEX_MIGRATIONS = [CreateLogIndex1765000000000];

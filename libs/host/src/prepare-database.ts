import { runMigrations } from '@storyline/database';
import { STORYLINE_MIGRATIONS } from './storyline-migrations';

/**
 * Brings the event log, log index and read-model schema up to date (safe to run from several
 * processes). Both log tables are created whichever store keeps the log; the unused one stays empty.
 */
export function prepareDatabase(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseUrl, STORYLINE_MIGRATIONS);
}

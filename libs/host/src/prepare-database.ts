import { ACCESS_MIGRATIONS } from '@storyline/access';
import { runMigrations } from '@storyline/database';
import { LOG_INDEX_MIGRATIONS } from '@storyline/event-store/indexed';
import { EVENT_STORE_MIGRATIONS } from '@storyline/event-store/postgres';
import { PROJECTION_MIGRATIONS } from '@storyline/projections';
import { SUBSCRIPTION_MIGRATIONS } from '@storyline/subscriptions/migrations';

/**
 * Brings the event log, log index and read-model schema up to date (safe to run from several
 * processes). Both log tables are created whichever store keeps the log; the unused one stays empty.
 */
export function prepareDatabase(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseUrl, [...EVENT_STORE_MIGRATIONS, ...LOG_INDEX_MIGRATIONS, ...PROJECTION_MIGRATIONS, ...ACCESS_MIGRATIONS, ...SUBSCRIPTION_MIGRATIONS]);
}

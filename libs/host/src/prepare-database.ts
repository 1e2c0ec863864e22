import { ACCESS_MIGRATIONS } from '@storyline/access';
import { runMigrations } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS } from '@storyline/event-store/postgres';
import { PROJECTION_MIGRATIONS } from '@storyline/projections';

/** Brings the event log and read-model schema up to date (safe to run from several processes). */
export function prepareDatabase(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseUrl, [...EVENT_STORE_MIGRATIONS, ...PROJECTION_MIGRATIONS, ...ACCESS_MIGRATIONS]);
}

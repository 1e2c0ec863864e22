import { ACCESS_MIGRATIONS } from '@storyline/access';
import type { MigrationClass } from '@storyline/database';
import { LOG_INDEX_MIGRATIONS } from '@storyline/event-store/indexed';
import { EVENT_STORE_MIGRATIONS } from '@storyline/event-store/postgres';
import { PROJECTION_MIGRATIONS } from '@storyline/projections';
import { SUBSCRIPTION_MIGRATIONS } from '@storyline/subscriptions/migrations';
import { DataSource } from 'typeorm';

/**
 * Every schema change, in the order they apply: the event log, the log index, the read
 * models, the API keys and the subscriptions' checkpoints. Both log tables exist whichever store keeps the log.
 */
export const STORYLINE_MIGRATIONS: readonly MigrationClass[] = [...EVENT_STORE_MIGRATIONS, ...LOG_INDEX_MIGRATIONS, ...PROJECTION_MIGRATIONS, ...ACCESS_MIGRATIONS, ...SUBSCRIPTION_MIGRATIONS];

/** The table TypeORM records applied migrations in (the same for every Storyline tool). */
export const MIGRATIONS_TABLE = 'storyline_migrations';

/** A DataSource that knows Storyline's migrations, for TypeORM's own tooling and `storyline migrate`. */
export function migrationDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, migrations: [...STORYLINE_MIGRATIONS], migrationsTableName: MIGRATIONS_TABLE, logging: false });
}

import { Client } from 'pg';
import { CONNECT_TIMEOUT_MS, guardClient } from './connection-faults';
import { DataSource, type MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** Any constant works; it only has to be the same for every Storyline process. */
const MIGRATION_LOCK = 7_311_425_001;

/**
 * Runs `work` holding the migration lock: several processes starting at once take turns on
 * an advisory lock instead of racing.
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const lock = guardClient(new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }));
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await work();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** Applies the given TypeORM migrations in order, each in its own transaction, under the migration lock. */
export async function runMigrations(url: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  return withMigrationLock(url, async () => {
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      migrations: [...migrations],
      migrationsTableName: 'storyline_migrations',
      logging: false,
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  });
}

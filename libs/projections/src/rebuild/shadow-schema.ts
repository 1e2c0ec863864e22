import { DataSource, type QueryRunner } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { type DeferredIndexes, ident, indexCopy } from './shadow-indexes';

const COMMENT_PREFIX = 'storyline rebuild of ';

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The schema the live read models are in: the first one on the live connections' search_path. */
export async function liveSchemaOf(live: DataSource): Promise<string> {
  const [{ schema }]: { schema: string }[] = await live.query('SELECT current_schema() AS schema');
  return schema;
}

/**
 * Creates `schema` holding empty copies of `tables` and of `projection_checkpoints`: the
 * same columns, defaults and checks, and the same keys and indexes under the same names, so
 * that once swapped in they are indistinguishable from what the migrations made. The keys
 * and indexes of `deferred` tables come later, from `completeIndexes`.
 */
export async function createShadowSchema(
  live: DataSource,
  liveSchema: string,
  schema: string,
  tables: readonly string[],
  projections: readonly string[],
  deferred: DeferredIndexes = new Map(),
): Promise<void> {
  await inTransaction(live, async (runner) => {
    await runner.query(`CREATE SCHEMA ${ident(schema)}`);
    await runner.query(`COMMENT ON SCHEMA ${ident(schema)} IS ${literal(COMMENT_PREFIX + projections.join(','))}`);
    for (const table of [...tables, 'projection_checkpoints']) {
      await runner.query(`CREATE TABLE ${ident(schema)}.${ident(table)} (LIKE ${ident(liveSchema)}.${ident(table)} INCLUDING ALL EXCLUDING INDEXES)`);
      await indexCopy(runner, liveSchema, schema, table, deferred);
    }
  });
}

export async function dropShadowSchema(live: DataSource, schema: string): Promise<void> {
  await live.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
}

/**
 * Drops the shadow schemas that earlier rebuilds of any of `projections` left behind (a
 * crash, a kill). Only safe while holding those projections' rebuild leases: then no
 * rebuild that could own one is still running.
 */
export async function dropOrphanedShadows(live: DataSource, projections: readonly string[]): Promise<string[]> {
  const schemas: { name: string; comment: string | null }[] = await live.query(
    "SELECT nspname AS name, obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'",
  );
  const orphans = schemas.filter(({ comment }) => comment?.startsWith(COMMENT_PREFIX) && comment.slice(COMMENT_PREFIX.length).split(',').some((name) => projections.includes(name)));
  for (const { name } of orphans) await dropShadowSchema(live, name);
  return orphans.map(({ name }) => name);
}

/** Shadow schemas of rebuilds (running here, elsewhere, or orphaned), by the projections they cover. */
export async function listShadowSchemas(live: DataSource): Promise<{ schema: string; projections: string[] }[]> {
  const schemas: { name: string; comment: string | null }[] = await live.query(
    "SELECT nspname AS name, obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' ORDER BY nspname",
  );
  return schemas
    .filter(({ comment }) => comment?.startsWith(COMMENT_PREFIX))
    .map(({ name, comment }) => ({ schema: name, projections: comment!.slice(COMMENT_PREFIX.length).split(',') }));
}

/**
 * A DataSource like `live` whose connections see only `schema`: the projections' SQL
 * names tables unqualified, so it lands in the copies without knowing. `connections`: the
 * most it opens at once.
 */
export function openShadowDataSource(live: DataSource, schema: string, connections: number): Promise<DataSource> {
  const options = live.options as PostgresDataSourceOptions;
  const extra = (options.extra ?? {}) as { options?: string };
  const searchPath = `-c search_path=${schema}`;
  return new DataSource({
    ...options,
    synchronize: false,
    migrationsRun: false,
    extra: { ...extra, max: connections, options: extra.options ? `${extra.options} ${searchPath}` : searchPath },
  }).initialize();
}

async function inTransaction(dataSource: DataSource, work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await work(runner);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

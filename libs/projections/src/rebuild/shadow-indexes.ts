import type { DataSource, QueryRunner } from 'typeorm';
import type { Projection } from '../runtime/projection';

/** An identifier quoted for SQL. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables whose keys and indexes wait until a bulk build has filled them, each with the
 * lookup indexes its projection's apply step needs meanwhile (see `Projection.appendOnly`).
 */
export type DeferredIndexes = ReadonlyMap<string, readonly string[]>;

/** What the projections declare in `appendOnly`, table by table. */
export function deferredIndexesOf(projections: readonly Projection[]): DeferredIndexes {
  return new Map(projections.flatMap((projection) => Object.entries(projection.appendOnly ?? {})));
}

const lookupName = (table: string, index: number): string => `${table}_rebuild_lookup_${index}`;

/**
 * Gives the empty copy of `table` the live table's keys and indexes under their own names,
 * or, when they are deferred, only the lookups its projection reads through while building.
 */
export async function indexCopy(runner: QueryRunner, liveSchema: string, schema: string, table: string, deferred: DeferredIndexes): Promise<void> {
  const lookups = deferred.get(table);
  const statements = lookups
    ? lookups.map((lookup, index) => `CREATE INDEX ${ident(lookupName(table, index))} ON ${ident(schema)}.${ident(table)} ${lookup}`)
    : await keysAndIndexes(runner, liveSchema, schema, table);
  for (const statement of statements) await runner.query(statement);
}

/** Tables completed at once, each on a connection of its own: PostgreSQL sorts one index per core. */
const COMPLETING_AT_ONCE = 2;

/**
 * Once a bulk build has filled the copies: builds the deferred keys and indexes (one sort
 * each, far cheaper than keeping them up to date row by row), drops the lookups, and gathers
 * statistics so that reads after the swap are planned for the tables as they are.
 */
export async function completeIndexes(live: DataSource, liveSchema: string, schema: string, tables: readonly string[], deferred: DeferredIndexes): Promise<void> {
  // The deferred (large) tables first, so that the small ones fill in beside them.
  const queue = [...tables].sort((a, b) => Number(deferred.has(b)) - Number(deferred.has(a)));
  const complete = async (runner: QueryRunner, table: string): Promise<void> => {
    const lookups = deferred.get(table);
    if (lookups) {
      for (const statement of await keysAndIndexes(runner, liveSchema, schema, table)) await runner.query(statement);
      for (const [index] of lookups.entries()) await runner.query(`DROP INDEX ${ident(schema)}.${ident(lookupName(table, index))}`);
    }
    await runner.query(`ANALYZE ${ident(schema)}.${ident(table)}`);
  };
  const work = async (): Promise<void> => {
    const runner = live.createQueryRunner();
    await runner.connect();
    try {
      for (let table = queue.shift(); table !== undefined; table = queue.shift()) await complete(runner, table);
    } finally {
      await runner.release();
    }
  };
  await Promise.all(Array.from({ length: Math.min(COMPLETING_AT_ONCE, queue.length) }, work));
}

/** The live table's keys and indexes, under their own names, as statements for the copy. */
async function keysAndIndexes(runner: QueryRunner, liveSchema: string, schema: string, table: string): Promise<string[]> {
  const relation = `${ident(liveSchema)}.${ident(table)}`;
  const copy = `${ident(schema)}.${ident(table)}`;
  const keys: { name: string; definition: string }[] = await runner.query(
    "SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname",
    [relation],
  );
  // pg_get_indexdef always names the table as quote_ident(schema).quote_ident(table).
  const indexes: { definition: string; printed: string }[] = await runner.query(
    `SELECT pg_get_indexdef(i.indexrelid) AS definition, quote_ident($2) || '.' || quote_ident($3) AS printed FROM pg_index i
      WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY i.indexrelid`,
    [relation, liveSchema, table],
  );
  return [
    ...keys.map((key) => `ALTER TABLE ${copy} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`),
    ...indexes.map(({ definition, printed }) => definition.replace(` ON ${printed} `, ` ON ${copy} `)),
  ];
}

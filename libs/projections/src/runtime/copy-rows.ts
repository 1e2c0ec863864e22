import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { binaryCopyData, binaryEncoders } from './copy-binary';

/** Column types by table name, per connection (a shadow copy's names resolve on its own connections). */
const columnTypes = new WeakMap<ClientBase, Map<string, Promise<ReadonlyMap<string, string>>>>();

function typesOf(client: ClientBase, table: string): Promise<ReadonlyMap<string, string>> {
  let tables = columnTypes.get(client);
  if (!tables) columnTypes.set(client, (tables = new Map()));
  const known = tables.get(table);
  if (known) return known;
  const types = client
    .query<{ name: string; type: string }>(
      'SELECT attname AS name, format_type(atttypid, NULL) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped',
      [table],
    )
    .then(({ rows }) => new Map(rows.map((column) => [column.name, column.type])));
  tables.set(table, types);
  types.catch(() => tables.delete(table));
  return types;
}

/**
 * Appends rows (objects keyed by column) to a table with a binary `COPY ... FROM STDIN` on
 * the manager's connection, so inside its transaction: PostgreSQL plans no statement and
 * parses no text for them, the cheapest way in for many rows. Answers false, having done
 * nothing, when a column's type has no binary encoder (see {@link binaryEncoders}) or the
 * manager is not bound to a query runner; the caller then inserts another way.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<boolean> {
  if (!manager.queryRunner) return false;
  const client = (await manager.queryRunner.connect()) as ClientBase;
  const types = await typesOf(client, table);
  const encoders = binaryEncoders(columns.map((column) => types.get(column) ?? 'unknown'));
  if (encoders === null) return false;
  if (rows.length === 0) return true;
  const data = binaryCopyData(columns, encoders, rows);
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`));
  await new Promise<void>((resolve, reject) => {
    copy.once('finish', resolve);
    copy.once('error', reject);
    copy.end(data);
  });
  return true;
}

import type { EntityManager } from 'typeorm';
import { copyRows } from './copy-rows';

/**
 * Inserts rows (objects keyed by column) in one statement. Plain inserts go in by binary
 * `COPY` (see {@link copyRows}). Upserts (`onConflict`), and tables with a column type `COPY`
 * has no encoder for here, send the rows as one JSON parameter that PostgreSQL expands with
 * `json_populate_recordset`, several times faster than thousands of bind parameters.
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  if (onConflict === '' && (await copyRows(manager, table, columns, rows))) return;
  const list = columns.join(', ');
  await manager.query(
    `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json) ${onConflict}`,
    [JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))],
  );
}

/** An ISO-8601 string from an event as a Date, refusing what PostgreSQL would misread. */
export function timestampOrNull(value: string | null, field: string): Date | null {
  if (value === null) return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`${field} is not an ISO-8601 time: ${JSON.stringify(value)}`);
  return time;
}

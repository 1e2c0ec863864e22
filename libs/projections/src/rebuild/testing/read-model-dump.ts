import type { DataSource } from 'typeorm';
import type { Projection } from '../../runtime/projection';

/**
 * Every row of the projections' tables and of their checkpoints, as sorted text, to compare
 * two read models. `updated_at` (when a checkpoint last moved) is the one column that may
 * differ between two correct projections of the same log.
 */
export async function dumpReadModels(dataSource: DataSource, projections: readonly Projection[]): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of projections.flatMap((projection) => projection.tables)) {
    const rows: { row: string }[] = await dataSource.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
    tables[table] = rows.map(({ row }) => row);
  }
  const checkpoints: { row: string }[] = await dataSource.query(
    "SELECT (to_jsonb(t) - 'updated_at')::text AS row FROM projection_checkpoints t WHERE name = ANY($1::text[]) ORDER BY name",
    [projections.map((projection) => projection.name)],
  );
  tables.projection_checkpoints = checkpoints.map(({ row }) => row);
  return tables;
}

import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** The checkpoints of the named projections, creating missing ones at 0 (before the log). */
export async function ensureCheckpoints(db: Queryable, names: readonly string[]): Promise<Map<string, bigint>> {
  await db.query(
    'INSERT INTO projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING',
    [names],
  );
  return readCheckpoints(db, names);
}

export async function readCheckpoints(db: Queryable, names: readonly string[]): Promise<Map<string, bigint>> {
  const rows: { name: string; position: string }[] = await db.query(
    'SELECT name, position FROM projection_checkpoints WHERE name = ANY($1::text[])',
    [names],
  );
  return new Map(names.map((name) => [name, BigInt(rows.find((row) => row.name === name)?.position ?? 0)]));
}

/**
 * Locks the checkpoints for the rest of the transaction (in name order, so two runners
 * cannot deadlock): a second runner on the same database waits, then sees they moved.
 */
export async function lockCheckpoints(manager: EntityManager, names: readonly string[]): Promise<Map<string, bigint>> {
  const rows: { name: string; position: string }[] = await manager.query(
    'SELECT name, position FROM projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE',
    [names],
  );
  return new Map(rows.map((row) => [row.name, BigInt(row.position)]));
}

export async function advanceCheckpoint(manager: EntityManager, name: string, position: bigint, applied: number): Promise<void> {
  await manager.query(
    'UPDATE projection_checkpoints SET position = $2, events_applied = events_applied + $3, updated_at = now() WHERE name = $1',
    [name, position.toString(), applied],
  );
}

/**
 * Makes a reader's transaction wait out a rebuild's swap, and then see it whole. A swap
 * holds `projection_checkpoints` in EXCLUSIVE mode while it replaces tables; this ROW SHARE
 * lock conflicts with that and with nothing else (not with runners, not with readers). It
 * must be the transaction's first statement: a REPEATABLE READ snapshot is taken by the
 * first query, and one taken before a swap committed would show the new tables as they
 * were before the swap's last events. Outside a transaction it does nothing (a single
 * statement is safe by itself: PostgreSQL looks its tables up again after a lock wait).
 */
export async function waitOutSwaps(manager: EntityManager): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) return;
  await manager.query('LOCK TABLE projection_checkpoints IN ROW SHARE MODE');
}

/** The lowest checkpoint among the named projections: the log is fully applied up to it. */
export async function lowestCheckpoint(db: Queryable, names: readonly string[]): Promise<bigint> {
  const positions = [...(await readCheckpoints(db, names)).values()];
  return positions.reduce((low, position) => (position < low ? position : low), positions[0] ?? 0n);
}

/** Thrown inside a transaction when another runner advanced a checkpoint first. */
export class CheckpointMoved extends Error {
  constructor(readonly positions: Map<string, bigint>) {
    super('another runner advanced the checkpoints');
  }
}

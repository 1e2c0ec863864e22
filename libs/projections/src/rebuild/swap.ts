import type { EventStore } from '@storyline/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { applyBatch } from '../runtime/apply-batch';
import { readCheckpoints } from '../runtime/checkpoints';
import type { Projection } from '../runtime/projection';
import { ident } from './shadow-indexes';

/** What a swap replaces, and with what. */
export interface SwapPlan {
  /** Connections whose search_path is the shadow schema only. */
  readonly shadow: DataSource;
  readonly shadowSchema: string;
  readonly liveSchema: string;
  readonly projections: readonly Projection[];
  readonly eventStore: EventStore;
  readonly batchSize: number;
  /** How long to wait for each lock before giving up (and trying again later). */
  readonly lockTimeoutMs: number;
}

const max = (positions: Iterable<bigint>): bigint => [...positions].reduce((high, position) => (position > high ? position : high), 0n);

/**
 * Replaces the live tables of the plan's projections with the shadow copies, in one
 * transaction, and answers the position they reflect:
 *
 * 1. `projection_checkpoints` in EXCLUSIVE mode: the live runners cannot commit and readers
 *    cannot start (they wait, see `waitOutSwaps`) until this commits;
 * 2. the copies apply the log up to the highest of their own and the live checkpoints, so
 *    no checkpoint ever moves back;
 * 3. the live tables are dropped and the copies moved into the live schema, the live
 *    checkpoints set, the shadow schema dropped.
 *
 * Either all of it commits or none of it: a reader sees the old tables or the new ones.
 */
export function swapIn(plan: SwapPlan): Promise<bigint> {
  const liveCheckpoints = `${ident(plan.liveSchema)}.projection_checkpoints`;
  const names = plan.projections.map((projection) => projection.name);
  return plan.shadow.transaction(async (manager) => {
    await manager.query("SELECT set_config('lock_timeout', $1, true)", [`${plan.lockTimeoutMs}ms`]);
    await manager.query(`LOCK TABLE ${liveCheckpoints} IN EXCLUSIVE MODE`);
    const live: { position: string }[] = await manager.query(`SELECT position FROM ${liveCheckpoints} WHERE name = ANY($1::text[])`, [names]);
    const shadow = await readCheckpoints(manager, names);
    const target = max([...live.map((row) => BigInt(row.position)), ...shadow.values()]);
    await catchUp(manager, plan, shadow, target);
    await replaceTables(manager, plan);
    await manager.query(
      `INSERT INTO ${liveCheckpoints} (name, position, events_applied, updated_at)
       SELECT name, $2, events_applied, now() FROM ${ident(plan.shadowSchema)}.projection_checkpoints WHERE name = ANY($1::text[])
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, events_applied = excluded.events_applied, updated_at = excluded.updated_at`,
      [names, target.toString()],
    );
    await manager.query(`DROP SCHEMA ${ident(plan.shadowSchema)} CASCADE`);
    return target;
  });
}

/** Applies the events between each copy's checkpoint and `target`, inside the swap. */
async function catchUp(manager: EntityManager, plan: SwapPlan, from: Map<string, bigint>, target: bigint): Promise<void> {
  const positions = new Map(from);
  let after = [...from.values()].reduce((low, position) => (position < low ? position : low), target);
  while (after < target) {
    const batch = (await plan.eventStore.readAll({ after, maxCount: plan.batchSize })).filter((event) => event.position <= target);
    if (batch.length === 0) throw new Error(`the log ends at ${after}, before the live checkpoint ${target}`);
    const last = batch[batch.length - 1].position;
    for (const projection of plan.projections) {
      await applyBatch(projection, batch, positions.get(projection.name) ?? 0n, manager);
      if ((positions.get(projection.name) ?? 0n) < last) positions.set(projection.name, last);
    }
    after = last;
  }
}

async function replaceTables(manager: EntityManager, plan: SwapPlan): Promise<void> {
  const tables = plan.projections.flatMap((projection) => projection.tables);
  await manager.query(`DROP TABLE ${tables.map((table) => `${ident(plan.liveSchema)}.${ident(table)}`).join(', ')}`);
  for (const table of tables) {
    await manager.query(`ALTER TABLE ${ident(plan.shadowSchema)}.${ident(table)} SET SCHEMA ${ident(plan.liveSchema)}`);
  }
}

/** A swap that could not take its locks in time (or lost a deadlock) may simply be tried again. */
export function isLockContention(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === '55P03' || code === '40P01';
}

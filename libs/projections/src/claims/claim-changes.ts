import { occurredDayOf } from '@storyline/claims';
import type { AsOf, FactAmended, FactCorrected, FactRetracted, OccurredInterval } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import { inClockOrder } from '../facts/fact-state';
import type { ProjectedEvent } from '../runtime/projection';
import { timestampOrNull } from '../runtime/sql';

/** What of a change to a fact the claims show: its statement and occurred day, or that it was withdrawn. */
interface ClaimFactChange {
  readonly statement?: string;
  readonly occurred?: OccurredInterval | null;
}

type FactChangeEvent = ProjectedEvent<FactAmended> | ProjectedEvent<FactCorrected> | ProjectedEvent<FactRetracted>;

/**
 * Records an amendment, correction or retraction of a fact for the claims reader, with the
 * instant it counts from on each clock, as the timeline counts it: on the reported clock a
 * correction from `correctedAt`, a retraction from `retractedAt`, an amendment from the
 * fact's own report (the report always said the amended thing); on the recorded clock, from
 * when it was recorded. The grouping is not redone: see {@link FactInView}.
 */
export async function saveFactChange(manager: EntityManager, event: FactChangeEvent): Promise<void> {
  const { factId, storyId } = event.data;
  let kind: 'amended' | 'corrected' | 'retracted';
  let effectiveAt: Date | null;
  let changes: ClaimFactChange = {};
  switch (event.type) {
    case 'FactAmended': {
      const rows: { reported_at: Date | null }[] = await manager.query('SELECT reported_at FROM claim_members WHERE fact_id = $1', [factId]);
      if (rows.length === 0) return;
      kind = 'amended';
      effectiveAt = rows[0].reported_at;
      changes = shownChanges(event.data.changes);
      break;
    }
    case 'FactCorrected':
      kind = 'corrected';
      effectiveAt = timestampOrNull(event.data.correctedAt, 'correctedAt');
      changes = shownChanges(event.data.changes);
      break;
    case 'FactRetracted':
      kind = 'retracted';
      effectiveAt = timestampOrNull(event.data.retractedAt, 'retractedAt');
      break;
  }
  if (kind !== 'retracted' && Object.keys(changes).length === 0) return;
  await manager.query(
    `INSERT INTO claim_fact_changes (fact_id, position, story_id, kind, changes, effective_at, recorded_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT DO NOTHING`,
    [factId, event.position.toString(), storyId, kind, JSON.stringify(changes), effectiveAt, event.recordedAt],
  );
}

function shownChanges(changes: FactAmended['data']['changes']): ClaimFactChange {
  return {
    ...(changes.statement !== undefined ? { statement: changes.statement } : {}),
    ...(changes.occurred !== undefined ? { occurred: changes.occurred } : {}),
  };
}

/** A member as the reader shows it: what the fact says now, in the view. */
export interface FactInView {
  readonly statement: string;
  readonly occurred_day: string | null;
}

interface ChangeRow {
  fact_id: string;
  kind: 'amended' | 'corrected' | 'retracted';
  changes: ClaimFactChange;
  effective_at: Date | null;
  position: string;
}

/**
 * Applies to the members a view sees the changes it may see, in the clock's order (the
 * timeline's `inClockOrder`): a retracted fact leaves its claim (and a claim left with no
 * fact disappears); a changed statement or occurred day is what the member shows. A fact
 * stays in the claim it was grouped into when it was reported: regrouping on a change would
 * make a claim's id and members depend on when the change came, and the views before it
 * could no longer be read back from the same rows.
 */
export async function applyFactChanges<T extends FactInView & { readonly fact_id: string }>(
  manager: EntityManager,
  storyIds: readonly string[],
  view: AsOf,
  position: bigint,
  members: readonly T[],
): Promise<T[]> {
  const clock = view.clock ?? 'reported';
  const instant = view.asOf === undefined ? '' : ` AND ${clock === 'reported' ? 'effective_at' : 'recorded_at'} <= $3`;
  const rows: ChangeRow[] = await manager.query(
    `SELECT fact_id, kind, changes, effective_at, position::text AS position FROM claim_fact_changes WHERE story_id = ANY($1::uuid[]) AND position <= $2${instant} ORDER BY position`,
    view.asOf === undefined ? [storyIds, position.toString()] : [storyIds, position.toString(), view.asOf],
  );
  if (rows.length === 0) return [...members];
  const byFact = new Map<string, ChangeRow[]>();
  for (const row of rows) byFact.set(row.fact_id, [...(byFact.get(row.fact_id) ?? []), row]);
  const shown: T[] = [];
  for (const member of members) {
    const changes = byFact.get(member.fact_id);
    if (!changes) {
      shown.push(member);
      continue;
    }
    const versions = changes.map((change) => ({ kind: change.kind, changes: change.changes, effectiveAt: change.effective_at, position: BigInt(change.position), change }));
    let current: T | null = member;
    for (const { change } of inClockOrder(versions, clock)) {
      if (change.kind === 'retracted') current = null;
      if (current === null) break;
      current = {
        ...current,
        ...(change.changes.statement !== undefined ? { statement: change.changes.statement } : {}),
        ...(change.changes.occurred !== undefined ? { occurred_day: occurredDayOf({ occurred: change.changes.occurred }) } : {}),
      };
    }
    if (current !== null) shown.push(current);
  }
  return shown;
}

import type { Position } from '@storyline/story-events';
import type { DataSource, EntityManager } from 'typeorm';
import { FactHistoryProjection } from '../facts/fact-history.projection';
import { clockOf, factViews, readFactHistory } from '../facts/fact-view';
import { viewPosition, whereInView } from '../runtime/as-of';
import { type AsOf } from '@storyline/story-events';
import { TimelineEntryRow } from '../schema/timeline-entry.entity';
import { timelineEntry, viewedRow, type TimelineEntry } from '../timeline/timeline-entry';
import { TimelineProjection } from '../timeline/timeline.projection';
import { MEMBERSHIP_PROJECTION } from '../membership/membership.reader';
import { lineageSteps, type LineageStep, type RepeatingFact } from './lineage-steps';

export type { LineageStep, LineageStepKind } from './lineage-steps';

/** One fact's history as a view sees it, and the log position the answer reflects. */
export interface FactLineage {
  readonly position: Position;
  /** The fact as the view shows it (as on the timeline). */
  readonly fact: TimelineEntry;
  readonly steps: LineageStep[];
  /** The stories its report has belonged to in the view, oldest first (moves, splits and merges: docs/routing.md). */
  readonly stories: readonly StoryMembershipStep[];
}

export interface StoryMembershipStep {
  readonly storyId: string;
  readonly fromPosition: Position;
  readonly fromRecordedAt: string;
  /** When the report left it; null while it is there (in the view). */
  readonly toPosition: Position | null;
  readonly toRecordedAt: string | null;
}

const PROJECTIONS = [new TimelineProjection().name, new FactHistoryProjection().name, MEMBERSHIP_PROJECTION];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a fact's lineage: its first report, repeats, amendments, corrections, links and verdicts, in order. */
export class LineageReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The fact's lineage in the view; null when the view cannot see the fact (or no fact has this id). */
  async lineage(factId: string, view: AsOf = {}): Promise<FactLineage | null> {
    if (!UUID.test(factId)) return null;
    const id = factId.toLowerCase();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await viewPosition(manager, PROJECTIONS, view);
      const [row] = await factRows(manager, [id], position, view);
      if (!row) return null;
      const history = await readFactHistory(manager, { factIds: [id] }, view, position);
      const repeatedBy = history.links.filter((link) => link.kind === 'repeats' && link.toFactId === id).map((link) => link.fromFactId);
      const repeating = new Map<string, RepeatingFact>((await factRows(manager, repeatedBy, position)).map((found) => [found.id, found]));
      const fact = timelineEntry(viewedRow(row, factViews(history, clockOf(view)).get(id)));
      const stories = await membershipSteps(manager, row.reportId, view, position);
      return { position, fact, steps: lineageSteps(id, history, clockOf(view), repeating), stories };
    });
  }
}

/** The facts' timeline rows up to the position, and in the view when one is given. */
async function factRows(manager: EntityManager, ids: readonly string[], position: bigint, view?: AsOf): Promise<TimelineEntryRow[]> {
  if (ids.length === 0) return [];
  const select = manager
    .getRepository(TimelineEntryRow)
    .createQueryBuilder('entry')
    .where("entry.kind = 'fact'")
    .andWhere('entry.id IN (:...ids)', { ids });
  return whereInView(select, 'entry', view ?? {}, position).getMany();
}

/** The report's membership intervals that began in the view; one that ended after it is still open there. */
async function membershipSteps(manager: EntityManager, reportId: string, view: AsOf, position: bigint): Promise<StoryMembershipStep[]> {
  const recordedBy = view.asOf !== undefined && view.clock === 'recorded' ? view.asOf.getTime() : Infinity;
  const rows: { story_id: string; from_position: string; from_recorded_at: Date; to_position: string | null; to_recorded_at: Date | null }[] = await manager.query(
    'SELECT story_id, from_position::text, from_recorded_at, to_position::text, to_recorded_at FROM report_memberships WHERE report_id = $1 AND from_position <= $2 ORDER BY from_position',
    [reportId, position.toString()],
  );
  return rows
    .filter((row) => row.from_recorded_at.getTime() <= recordedBy)
    .map((row) => {
      const ended = row.to_position !== null && BigInt(row.to_position) <= position && row.to_recorded_at !== null && row.to_recorded_at.getTime() <= recordedBy;
      return {
        storyId: row.story_id,
        fromPosition: BigInt(row.from_position),
        fromRecordedAt: row.from_recorded_at.toISOString(),
        toPosition: ended ? BigInt(row.to_position!) : null,
        toRecordedAt: ended ? row.to_recorded_at!.toISOString() : null,
      };
    });
}

import type { Position } from '@storyline/story-events';
import type { DataSource, EntityManager } from 'typeorm';
import { FactHistoryProjection } from '../facts/fact-history.projection';
import { clockOf, factViews, readFactHistory } from '../facts/fact-view';
import { viewPosition, whereInView } from '../runtime/as-of';
import { type AsOf } from '@storyline/story-events';
import { TimelineEntryRow } from '../schema/timeline-entry.entity';
import { timelineEntry, viewedRow, type TimelineEntry } from '../timeline/timeline-entry';
import { TimelineProjection } from '../timeline/timeline.projection';
import { lineageSteps, type LineageStep, type RepeatingFact } from './lineage-steps';

export type { LineageStep, LineageStepKind } from './lineage-steps';

/** One fact's history as a view sees it, and the log position the answer reflects. */
export interface FactLineage {
  readonly position: Position;
  /** The fact as the view shows it (as on the timeline). */
  readonly fact: TimelineEntry;
  readonly steps: LineageStep[];
}

const PROJECTIONS = [new TimelineProjection().name, new FactHistoryProjection().name];
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
      return { position: position, fact, steps: lineageSteps(id, history, clockOf(view), repeating) };
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

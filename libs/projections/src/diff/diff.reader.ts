import type { DataSource } from 'typeorm';
import { FactHistoryProjection } from '../facts/fact-history.projection';
import { readFactHistory } from '../facts/fact-view';
import { viewPosition } from '../runtime/as-of';
import type { Clock, Position } from '@storyline/story-events';
import { TimelineEntryRow } from '../schema/timeline-entry.entity';
import { TimelineProjection } from '../timeline/timeline.projection';
import { storyDiff, type DiffItems } from './story-diff';

export type { ContradictedFact, CorrectedFact, DiffFact, DiffReport, RetractedFact } from './story-diff';

/** Two instants on one clock; `atPosition` asks for the diff as the log stood at an earlier answer's position. */
export interface DiffQuery {
  readonly from: Date;
  readonly to: Date;
  readonly clock: Clock;
  readonly atPosition?: Position;
}

/** What changed in a story between two instants, and the log position the answer reflects. */
export interface StoryDiff extends DiffItems {
  readonly from: string;
  readonly to: string;
  readonly clock: Clock;
  readonly position: Position;
}

const PROJECTIONS = [new TimelineProjection().name, new FactHistoryProjection().name];

/** Reads what appeared, changed and was contradicted in a story between two instants. */
export class DiffReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Facts added in (from, to] on the clock, corrections and retractions counting in it, and
   * contradictions recorded in it; statements as of `to`. Empty lists for an unknown story.
   */
  async diff(storyId: string, query: DiffQuery): Promise<StoryDiff> {
    if (!(query.from < query.to)) throw new RangeError('a diff needs from before to');
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await viewPosition(manager, PROJECTIONS, { atPosition: query.atPosition });
      const rows = await manager
        .getRepository(TimelineEntryRow)
        .createQueryBuilder('entry')
        .where('entry.storyId = :storyId', { storyId })
        .andWhere('entry.position <= :position', { position: position.toString() })
        .orderBy('entry.position', 'ASC')
        .getMany();
      const history = await readFactHistory(manager, { storyId }, {}, position);
      const items = storyDiff({ rows, history }, query);
      return { from: query.from.toISOString(), to: query.to.toISOString(), clock: query.clock, position, ...items };
    });
  }
}

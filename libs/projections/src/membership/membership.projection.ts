import { assertNever, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, Projection } from '../runtime/projection';
import { insertRows } from '../runtime/sql';

const HANDLES = ['ReportIngested', 'ReportMoved', 'ReportsSplit', 'StoryMerged', 'StoryRenamed'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

const INTERVAL_COLUMNS = ['report_id', 'story_id', 'home_story_id', 'from_position', 'from_recorded_at'] as const;
const CHANGE_COLUMNS = ['position', 'kind', 'story_id', 'other_story_id', 'report_ids', 'details', 'actor', 'reason', 'recorded_at'] as const;

const actorOf = (event: HandledEvent<Handled>): string => (typeof event.metadata.actor === 'string' ? event.metadata.actor : 'unknown');

/**
 * Keeps membership intervals (`report_memberships`) and the membership history
 * (`membership_changes`). An ingested report opens an interval in its own story; a move, a
 * split or a merge closes the report's open interval at the event and opens the next one in
 * the story it went to. Nothing else changes: the report's rows stay where they were projected.
 */
export class MembershipProjection implements Projection<Handled> {
  readonly name = 'membership';
  readonly tables = ['report_memberships', 'membership_changes'];
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    let ingested: Record<string, unknown>[] = [];
    const flush = async (): Promise<void> => {
      await insertRows(manager, 'report_memberships', INTERVAL_COLUMNS, ingested);
      ingested = [];
    };
    for (const event of events) {
      if (event.type === 'ReportIngested') {
        const { reportId, storyId } = event.data;
        ingested.push({ report_id: reportId, story_id: storyId, home_story_id: storyId, from_position: event.position, from_recorded_at: event.recordedAt });
        continue;
      }
      await flush();
      await applyChange(manager, event);
    }
    await flush();
  }
}

type Change = Exclude<HandledEvent<Handled>, HandledEvent<'ReportIngested'>>;

async function applyChange(manager: EntityManager, event: Change): Promise<void> {
  const change = { position: event.position, story_id: event.data.storyId, actor: actorOf(event), reason: event.data.reason, recorded_at: event.recordedAt };
  switch (event.type) {
    case 'ReportMoved': {
      await moveReports(manager, event, { reportIds: [event.data.reportId] }, event.data.toStoryId);
      await insertChange(manager, { ...change, kind: 'moved', other_story_id: event.data.toStoryId, report_ids: [event.data.reportId], details: {} });
      return;
    }
    case 'ReportsSplit': {
      const { storyId, fromStoryId, reportIds, slug, title } = event.data;
      await moveReports(manager, event, { reportIds }, storyId);
      await insertChange(manager, { ...change, kind: 'split', story_id: fromStoryId, other_story_id: storyId, report_ids: reportIds, details: { slug, title } });
      return;
    }
    case 'StoryMerged': {
      const moved = await moveReports(manager, event, { fromStoryId: event.data.storyId }, event.data.intoStoryId);
      await insertChange(manager, { ...change, kind: 'merged', other_story_id: event.data.intoStoryId, report_ids: moved, details: {} });
      return;
    }
    case 'StoryRenamed': {
      const { slug, title, previousSlug, previousTitle } = event.data;
      await insertChange(manager, { ...change, kind: 'renamed', other_story_id: null, report_ids: [], details: { slug, title, previousSlug, previousTitle } });
      return;
    }
    default:
      assertNever(event);
  }
}

/**
 * Closes the open intervals of the given reports (or of every report now in `fromStoryId`) at
 * the event and opens the next ones in `toStoryId`; answers the reports moved, in id order.
 */
async function moveReports(
  manager: EntityManager,
  event: Change,
  which: { readonly reportIds?: readonly string[]; readonly fromStoryId?: string },
  toStoryId: string,
): Promise<string[]> {
  const filter = which.reportIds ? 'report_id = ANY($3::uuid[])' : 'story_id = $3';
  const closed: { report_id: string; home_story_id: string }[] = await manager.query(
    `WITH closed AS (
       UPDATE report_memberships SET to_position = $1, to_recorded_at = $2
        WHERE to_position IS NULL AND from_position < $1 AND ${filter}
        RETURNING report_id, home_story_id
     ) SELECT report_id, home_story_id FROM closed ORDER BY report_id`,
    [event.position.toString(), event.recordedAt, which.reportIds ? [...which.reportIds] : which.fromStoryId],
  );
  await insertRows(
    manager,
    'report_memberships',
    INTERVAL_COLUMNS,
    closed.map((row) => ({ report_id: row.report_id, story_id: toStoryId, home_story_id: row.home_story_id, from_position: event.position, from_recorded_at: event.recordedAt })),
  );
  return closed.map((row) => row.report_id);
}

async function insertChange(manager: EntityManager, row: Record<(typeof CHANGE_COLUMNS)[number], unknown>): Promise<void> {
  await insertRows(manager, 'membership_changes', CHANGE_COLUMNS, [row], 'ON CONFLICT DO NOTHING');
}

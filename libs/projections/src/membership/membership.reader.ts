import type { AsOf, Position } from '@storyline/story-events';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which reports a story holds in a view. `reports` is null when no report ever moved into or
 * out of the story up to the view's position: then it holds exactly the reports ingested in
 * it, and readers keep their one-story queries. Otherwise the reports are read from their
 * `homes` (the stories whose rows hold them) and narrowed to `reports`.
 */
export interface StoryMembers {
  readonly homes: readonly string[];
  readonly reports: readonly string[] | null;
}

export interface MembershipChange {
  readonly position: Position;
  readonly kind: 'moved' | 'split' | 'merged' | 'renamed';
  /** The story the reports left (or the one renamed). */
  readonly storyId: string;
  /** The story the reports went to; null for a rename. */
  readonly toStoryId: string | null;
  readonly reportIds: readonly string[];
  readonly details: Record<string, unknown>;
  readonly actor: string;
  readonly reason: string;
  readonly recordedAt: string;
}

/** Where a report is now, and where its events are stored. */
export interface ReportPlace {
  readonly storyId: string;
  readonly homeStoryId: string;
}

/** An id no report has: `IN (...)` of an empty list is not SQL. */
export const NO_REPORT = '00000000-0000-0000-0000-000000000000';

/** The name of the projection whose checkpoint a membership view must wait for. */
export const MEMBERSHIP_PROJECTION = 'membership';

/**
 * Membership as of a view. On the recorded clock (and at a position), membership is what was
 * recorded by then: before a merge the stories read apart, after it together. On the reported
 * clock an `asOf` narrows what the reports said, not the analyst's decisions about where they
 * belong, which have no publication time: membership is as recorded at the view's position.
 */
export async function storyMembers(db: Queryable, storyId: string, view: AsOf, position: bigint): Promise<StoryMembers> {
  const [{ changed }]: { changed: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM membership_changes WHERE story_id = $1 AND kind <> 'renamed' AND position <= $2)
         OR EXISTS (SELECT 1 FROM membership_changes WHERE other_story_id = $1 AND position <= $2) AS changed`,
    [storyId, position.toString()],
  );
  if (!changed) return { homes: [storyId], reports: null };
  const recorded = view.asOf !== undefined && view.clock === 'recorded';
  const rows: { report_id: string; home_story_id: string }[] = await db.query(
    `SELECT report_id, home_story_id FROM report_memberships
      WHERE story_id = $1 AND from_position <= $2
        AND (to_position IS NULL OR to_position > $2${recorded ? ' OR to_recorded_at > $3' : ''})
        ${recorded ? 'AND from_recorded_at <= $3' : ''}`,
    recorded ? [storyId, position.toString(), view.asOf] : [storyId, position.toString()],
  );
  return { homes: [...new Set([storyId, ...rows.map((row) => row.home_story_id)])].sort(), reports: rows.map((row) => row.report_id).sort() };
}

/** Reads the membership read model: history, where a report is, slugs a story held. */
export class MembershipReader {
  constructor(private readonly dataSource: DataSource) {}

  members(storyId: string, view: AsOf, position: bigint): Promise<StoryMembers> {
    return storyMembers(this.dataSource, storyId, view, position);
  }

  /** The reports ingested in a story whose membership never changed, up to the view. */
  async ownReports(storyId: string, view: AsOf, position: bigint): Promise<string[]> {
    const recorded = view.asOf !== undefined && view.clock === 'recorded';
    const rows: { report_id: string }[] = await this.dataSource.query(
      `SELECT report_id FROM report_memberships WHERE story_id = $1 AND from_position <= $2 ${recorded ? 'AND from_recorded_at <= $3' : ''} ORDER BY report_id`,
      recorded ? [storyId, position.toString(), view.asOf] : [storyId, position.toString()],
    );
    return rows.map((row) => row.report_id);
  }

  /** The membership changes a story took part in, oldest first. */
  async history(storyId: string): Promise<MembershipChange[]> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT position::text, kind, story_id, other_story_id, report_ids, details, actor, reason, recorded_at
         FROM membership_changes WHERE story_id = $1 OR other_story_id = $1 ORDER BY membership_changes.position`,
      [storyId],
    );
    return rows.map((row) => ({
      position: BigInt(row.position),
      kind: row.kind,
      storyId: row.story_id,
      toStoryId: row.other_story_id,
      reportIds: row.report_ids,
      details: row.details,
      actor: row.actor,
      reason: row.reason,
      recordedAt: (row.recorded_at as Date).toISOString(),
    }));
  }

  /** The story a report belongs to now and the story it was ingested in; null for an unknown report. */
  async placeOf(reportId: string): Promise<ReportPlace | null> {
    if (!UUID.test(reportId)) return null;
    const rows: { story_id: string; home_story_id: string }[] = await this.dataSource.query(
      'SELECT story_id, home_story_id FROM report_memberships WHERE report_id = $1 AND to_position IS NULL',
      [reportId.toLowerCase()],
    );
    return rows[0] ? { storyId: rows[0].story_id, homeStoryId: rows[0].home_story_id } : null;
  }

  /** A story's id, slug, title and where it was merged; null for an unknown id. */
  async story(storyId: string): Promise<{ id: string; slug: string; title: string; mergedInto: string | null } | null> {
    if (!UUID.test(storyId)) return null;
    const rows: { id: string; slug: string; title: string; merged_into: string | null }[] = await this.dataSource.query(
      'SELECT id, slug, title, merged_into FROM stories WHERE id = $1',
      [storyId.toLowerCase()],
    );
    return rows[0] ? { id: rows[0].id, slug: rows[0].slug, title: rows[0].title, mergedInto: rows[0].merged_into } : null;
  }

  /** The story that holds or held this slug (a renamed story's old and new slugs), or null. */
  async storyOfSlug(slug: string): Promise<string | null> {
    const rows: { story_id: string }[] = await this.dataSource.query(
      'SELECT id AS story_id FROM stories WHERE slug = $1 UNION ALL SELECT story_id FROM story_slugs WHERE slug = $1 LIMIT 1',
      [slug],
    );
    return rows[0]?.story_id ?? null;
  }
}

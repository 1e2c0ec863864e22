import type { AsOf } from '@storyline/story-events';
import type { StoryMembers } from '../membership/membership.reader';
import type { FactLinkRow, FactVerdictRow } from '../schema/fact-link.entity';
import type { FactVersionRow } from '../schema/fact-version.entity';
import type { TimelineEntryRow } from '../schema/timeline-entry.entity';

type Queryable = { query(sql: string, parameters?: unknown[]): Promise<any[]> };

/**
 * The tables a story's timeline reads. A rebuild swaps in new tables (new OIDs), so their OIDs
 * name the generation of the read model a view came from.
 */
const TABLES = ['timeline_entries', 'fact_versions', 'fact_links', 'fact_verdicts'] as const;
const GENERATION = `concat_ws(',', ${TABLES.map((table) => `'${table}'::regclass::oid`).join(', ')})`;

/** Milliseconds since the epoch, as JSON: the precision a JS Date keeps (pg's own parser truncates the same way). */
const millis = (column: string): string => `extract(epoch FROM ${column}) * 1000`;
const date = (value: number | null): Date | null => (value === null ? null : new Date(value));

/** Where a story's view stands: the position it reflects, and the newest row of the story at or before it. */
export interface TimelineHead {
  readonly position: bigint;
  /** The newest position among the story's rows the view may see (0 when none): the view's content is fixed by it. */
  readonly storyHead: bigint;
  readonly generation: string;
}

/**
 * One statement (one snapshot): the projections' lowest checkpoint, capped at `atPosition`, and
 * the story's newest row up to it in each table the timeline reads (index-only lookups).
 * A lone statement needs no transaction to see a rebuild's swap whole: PostgreSQL resolves the
 * tables again after waiting out the swap's locks, before it takes the snapshot.
 */
export async function readTimelineHead(db: Queryable, storyId: string, projections: readonly string[], view: AsOf): Promise<TimelineHead> {
  const newest = TABLES.map((table) => `(SELECT max(position) FROM ${table} WHERE story_id = $1 AND position <= v.position)`).join(', ');
  const rows: { position: string; story_head: string | null; generation: string }[] = await db.query(
    `WITH checkpoint AS (
       SELECT CASE WHEN count(*) = cardinality($2::text[]) THEN min(position) ELSE 0 END AS position
         FROM projection_checkpoints WHERE name = ANY($2::text[])
     ), v AS (
       SELECT CASE WHEN $3::bigint IS NULL THEN position ELSE least(position, $3::bigint) END AS position FROM checkpoint
     )
     SELECT v.position::text AS position, greatest(${newest})::text AS story_head, ${GENERATION} AS generation FROM v`,
    [storyId, projections, view.atPosition === undefined ? null : String(view.atPosition)],
  );
  const row = rows[0];
  return { position: BigInt(row.position), storyHead: BigInt(row.story_head ?? 0), generation: row.generation };
}

/** The rows of a story's view as the reader folds them, and the generation they came from. */
export interface TimelineContent {
  readonly rows: TimelineEntryRow[];
  readonly versions: FactVersionRow[];
  readonly links: FactLinkRow[];
  readonly verdicts: FactVerdictRow[];
  readonly generation: string;
}

/** `AND <column> <= $4` on the view's clock, when it has an instant. */
function asOfFilter(view: AsOf, reportedColumn: string, recordedColumn = 'recorded_at'): string {
  if (view.asOf === undefined) return '';
  return ` AND ${(view.clock ?? 'reported') === 'reported' ? reportedColumn : recordedColumn} <= $4`;
}

/**
 * Everything a story's timeline shows up to `position` from the reports it holds in the view
 * (`members`: versions, links and verdicts of the homes' other reports are left out by the
 * reader, which keeps only those of facts it shows), in one statement: entries, fact versions
 * (on the view's clock), links (on the reported clock, every link the log holds, for the reader to
 * keep those between facts it shows) and verdicts (recorded clock only), each in log order, as
 * JSON arrays, which cost far less to decode than rows hydrated into entities.
 */
export async function readTimelineContent(db: Queryable, members: StoryMembers, view: AsOf, position: bigint): Promise<TimelineContent> {
  const recordedOnly = view.asOf === undefined ? '' : ' AND recorded_at <= $4';
  // A link is visible on the reported clock once both linked facts are reported (the reader keeps
  // only links between facts it shows); on the recorded clock, from when it was recorded.
  const linksRecorded = (view.clock ?? 'reported') === 'recorded' ? recordedOnly : '';
  const [row]: { entries: unknown[][]; versions: unknown[][]; links: unknown[][]; verdicts: unknown[][]; generation: string }[] = await db.query(
    `SELECT
       (SELECT coalesce(json_agg(json_build_array(id, kind, report_id, source, ${millis('reported_at')}, ${millis('recorded_at')},
                 ${millis('occurred_from')}, ${millis('occurred_to')}, occurred_precision, statement, attributed_to, modality,
                 evidence_start, evidence_end, headline, url, position::text, report_position::text) ORDER BY position), '[]')
          FROM timeline_entries WHERE story_id = ANY($1::uuid[]) AND position <= $2 AND ($3::uuid[] IS NULL OR report_id = ANY($3::uuid[]))${asOfFilter(view, 'reported_at')}) AS entries,
       (SELECT coalesce(json_agg(json_build_array(fact_id, position::text, kind, status, changes, ${millis('effective_at')}) ORDER BY position), '[]')
          FROM fact_versions WHERE story_id = ANY($1::uuid[]) AND position <= $2${asOfFilter(view, 'effective_at')}) AS versions,
       (SELECT coalesce(json_agg(json_build_array(link_id, from_fact_id, to_fact_id, kind, reason) ORDER BY position), '[]')
          FROM fact_links WHERE story_id = ANY($1::uuid[]) AND position <= $2${linksRecorded}) AS links,
       (SELECT coalesce(json_agg(json_build_array(fact_id, verdict) ORDER BY position), '[]')
          FROM fact_verdicts WHERE story_id = ANY($1::uuid[]) AND position <= $2${recordedOnly}) AS verdicts,
       ${GENERATION} AS generation`,
    [members.homes, position.toString(), members.reports, ...(view.asOf === undefined ? [] : [view.asOf])],
  );
  return {
    rows: row.entries.map(entryRow),
    versions: row.versions.map(versionRow),
    links: row.links.map(([linkId, fromFactId, toFactId, kind, reason]) => ({ linkId, fromFactId, toFactId, kind, reason }) as FactLinkRow),
    verdicts: row.verdicts.map(([factId, verdict]) => ({ factId, verdict }) as FactVerdictRow),
    generation: row.generation,
  };
}

function entryRow(columns: unknown[]): TimelineEntryRow {
  const [id, kind, reportId, source, reportedAt, recordedAt, occurredFrom, occurredTo, occurredPrecision, statement, attributedTo, modality] = columns;
  const [evidenceStart, evidenceEnd, headline, url, position, reportPosition] = columns.slice(12);
  return {
    id,
    kind,
    reportId,
    source,
    reportedAt: date(reportedAt as number | null),
    recordedAt: date(recordedAt as number),
    occurredFrom: date(occurredFrom as number | null),
    occurredTo: date(occurredTo as number | null),
    occurredPrecision,
    statement,
    attributedTo,
    modality,
    evidenceStart,
    evidenceEnd,
    headline,
    url,
    position: BigInt(position as string),
    reportPosition: BigInt(reportPosition as string),
  } as TimelineEntryRow;
}

function versionRow([factId, position, kind, status, changes, effectiveAt]: unknown[]): FactVersionRow {
  return { factId, position: BigInt(position as string), kind, status, changes, effectiveAt: date(effectiveAt as number | null) } as FactVersionRow;
}

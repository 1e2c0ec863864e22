import { DomainError, storyStream } from '@storyline/story-events';
import type { AuditedLog } from '../audited-log';
import type { ChainRow } from '../chain/chain-row';
import { EXPORT_END_KIND, EXPORT_KIND, EXPORT_VERSION, HASH_ALGORITHM, type ExportEventLine, type ExportHeader, type ExportStory, type ExportTrailer } from './export-lines';

const BATCH = 1000;

/** What an export reads: the log's head, and one stream's events up to it. */
export type StoryHistory = Pick<AuditedLog, 'head' | 'streamBatch'>;

/**
 * A story's full history as NDJSON lines (each without its newline): a header, one line per
 * event of the story's stream in position order, a trailer. The export reflects the log at
 * the head it reads first, so events appended meanwhile wait for the next export.
 * Throws STORY.NOT_FOUND, before yielding anything, for a story with no events.
 */
export async function* storyExportLines(log: StoryHistory, storyId: string, now: () => Date = () => new Date()): AsyncGenerator<string> {
  const chainHead = await log.head();
  const head = { position: chainHead.position.toString(), hash: chainHead.hash };
  const streamId = storyStream(storyId);
  let rows = await log.streamBatch(streamId, 0n, chainHead.position, BATCH);
  if (rows.length === 0) throw new DomainError('STORY.NOT_FOUND', `no story has the id ${storyId}`, 'story');
  const story: ExportStory = { id: storyId, slug: slugOf(rows[0]) };
  const exportedAt = now().toISOString();
  const header: ExportHeader = { kind: EXPORT_KIND, version: EXPORT_VERSION, algorithm: HASH_ALGORITHM, story, streamId, exportedAt, head };
  yield JSON.stringify(header);
  let count = 0;
  while (rows.length > 0) {
    for (const row of rows) yield JSON.stringify(eventLine(row));
    count += rows.length;
    rows = rows.length < BATCH ? [] : await log.streamBatch(streamId, BigInt(rows[rows.length - 1].position), chainHead.position, BATCH);
  }
  const trailer: ExportTrailer = { kind: EXPORT_END_KIND, version: EXPORT_VERSION, story, exportedAt, count, head };
  yield JSON.stringify(trailer);
}

function slugOf(first: ChainRow): string | null {
  // A story split off opens with ReportsSplit, which names its slug as StoryOpened does.
  const slug = first.type === 'StoryOpened' || first.type === 'ReportsSplit' ? (first.data as { slug?: unknown } | null)?.slug : undefined;
  return typeof slug === 'string' ? slug : null;
}

function eventLine(row: ChainRow): ExportEventLine {
  const { position, eventId, streamId, streamRevision, type, schemaVersion, recordedAt, data, metadata, prevHash, hash } = row;
  return { kind: 'event', position, eventId, streamId, streamRevision, type, schemaVersion, recordedAt, data, metadata, prevHash, hash };
}

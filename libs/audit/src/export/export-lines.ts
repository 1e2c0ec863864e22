import { HASH_ALGORITHM, type ChainedEventContent } from '@storyline/event-store';

/** The export format's version; a reader refuses versions it does not know. */
export const EXPORT_VERSION = 1;
/** The `kind` of the header line. */
export const EXPORT_KIND = 'storyline-export';
/** The `kind` of the trailer line. */
export const EXPORT_END_KIND = 'storyline-export-end';
export { HASH_ALGORITHM };

/** The log's newest event when the export began: positions as decimal text, like the events'. */
export interface ExportHead {
  readonly position: string;
  readonly hash: string;
}

/** The exported story: its id, and the slug it was opened with. */
export interface ExportStory {
  readonly id: string;
  readonly slug: string | null;
}

/** The first line. */
export interface ExportHeader {
  readonly kind: typeof EXPORT_KIND;
  readonly version: typeof EXPORT_VERSION;
  readonly algorithm: typeof HASH_ALGORITHM;
  readonly story: ExportStory;
  readonly streamId: string;
  readonly exportedAt: string;
  readonly head: ExportHead;
}

/**
 * One event: exactly the fields its hash covers, as the hash covers them, plus the stored
 * hash of its global predecessor (`prevHash`) and its own (`hash`).
 */
export interface ExportEventLine extends ChainedEventContent {
  readonly kind: 'event';
  readonly prevHash: string;
  readonly hash: string;
}

/** The last line: without it the file was cut short. */
export interface ExportTrailer {
  readonly kind: typeof EXPORT_END_KIND;
  readonly version: typeof EXPORT_VERSION;
  readonly story: ExportStory;
  readonly exportedAt: string;
  /** Event lines in the file. */
  readonly count: number;
  readonly head: ExportHead;
}

/** The keys an event line has, and no others: a key the hash does not cover could mislead unnoticed. */
export const EVENT_LINE_KEYS = ['kind', 'position', 'eventId', 'streamId', 'streamRevision', 'type', 'schemaVersion', 'recordedAt', 'data', 'metadata', 'prevHash', 'hash'] as const;

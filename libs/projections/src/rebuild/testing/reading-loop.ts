import type { EventStore } from '@storyline/event-store';
import type { DataSource } from 'typeorm';
import { SourceLedgerReader } from '../../source-ledger/source-ledger.reader';
import { StoriesReader } from '../../stories/stories.reader';
import { TimelineReader } from '../../timeline/timeline.reader';

/** One timeline read: what it showed and the position it said it reflects. */
export interface TimelineRead {
  readonly storyId: string;
  readonly position: bigint;
  readonly entries: number;
}

/** What readers saw while a rebuild ran: every timeline they were shown, and every error. */
export interface ReadingLoop {
  readonly reads: TimelineRead[];
  readonly errors: unknown[];
  /** Stops the readers and waits for them. */
  stop(): Promise<void>;
}

/** `readers` loops reading every story's timeline, sources and the story list, until stopped. */
export function readContinuously(dataSource: DataSource, readers: number): ReadingLoop {
  const stories = new StoriesReader(dataSource);
  const timelines = new TimelineReader(dataSource);
  const sources = new SourceLedgerReader(dataSource);
  const reads: TimelineRead[] = [];
  const errors: unknown[] = [];
  let stopped = false;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      try {
        for (const story of await stories.list()) {
          const timeline = await timelines.timeline(story.id, { order: 'recorded' });
          reads.push({ storyId: story.id, position: timeline.position, entries: timeline.entries.length });
          await sources.sources(story.id);
        }
      } catch (error) {
        errors.push(error);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const running = Promise.all(Array.from({ length: readers }, loop));
  return {
    reads,
    errors,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/**
 * The reads that did not show exactly the story's reports and facts up to the position
 * they named: a half-swapped (or otherwise inconsistent) view would show up here.
 */
export async function inconsistentReads(store: EventStore, reads: readonly TimelineRead[]): Promise<TimelineRead[]> {
  const entriesAt = new Map<string, bigint[]>();
  for (let after = 0n; ; ) {
    const batch = await store.readAll({ after, maxCount: 2000 });
    if (batch.length === 0) break;
    for (const event of batch) {
      if (event.type !== 'ReportIngested' && event.type !== 'FactReported') continue;
      const storyId = (event.data as { storyId: string }).storyId;
      const positions = entriesAt.get(storyId) ?? [];
      positions.push(event.position);
      entriesAt.set(storyId, positions);
    }
    after = batch[batch.length - 1].position;
  }
  return reads.filter((read) => (entriesAt.get(read.storyId) ?? []).filter((position) => position <= BigInt(read.position)).length !== read.entries);
}

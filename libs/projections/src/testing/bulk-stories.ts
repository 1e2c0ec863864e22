import { randomUUID } from 'node:crypto';
import type { EventStore } from '@storyline/event-store';
import { storyStream, type StoryEvent } from '@storyline/story-events';
import { newEvent } from './story-events';

export interface BulkShape {
  readonly stories: number;
  readonly reportsPerStory: number;
  readonly factsPerReport: number;
}

const NOVEMBER = Date.UTC(2025, 10, 1);
const HOUR = 3_600_000;

/**
 * Many stories written fast (one append per story), their reports spread over November 2025
 * like the founding story's, each report followed by an amendment, a correction, a
 * contradiction and a verdict: what a busy store holds beside the story a test reads.
 * Answers the number of events appended.
 */
export async function writeBulkStories(store: EventStore, shape: BulkShape): Promise<number> {
  // The revisions reach for a report's fourth fact.
  if (shape.factsPerReport < 4) throw new RangeError(`bulk stories need at least 4 facts a report, got ${shape.factsPerReport}`);
  let appended = 0;
  for (let index = 0; index < shape.stories; index++) {
    const events = bulkStory(randomUUID(), index, shape);
    await store.appendToStream(storyStream(events[0].data.storyId), events.map((event) => newEvent(event, 'bulk')), 'no_stream');
    appended += events.length;
  }
  return appended;
}

function bulkStory(storyId: string, index: number, shape: BulkShape): StoryEvent[] {
  const events: StoryEvent[] = [{ type: 'StoryOpened', data: { storyId, slug: `bulk-${index}-${storyId.slice(0, 8)}`, title: `Bulk ${index}` } }];
  let previous: string[] = [];
  for (let report = 0; report < shape.reportsPerStory; report++) {
    const reportId = randomUUID();
    const publishedAt = new Date(NOVEMBER + ((index * 7 + report * 11) % (29 * 24)) * HOUR).toISOString();
    const factIds = Array.from({ length: shape.factsPerReport }, () => randomUUID());
    events.push(reportEvent(storyId, reportId, publishedAt, report));
    for (const [fact, factId] of factIds.entries()) events.push(factEvent(storyId, reportId, factId, `Statement ${report}.${fact} of bulk story ${index}.`));
    events.push(...revisions(storyId, factIds, previous, publishedAt));
    previous = factIds;
  }
  return events;
}

function reportEvent(storyId: string, reportId: string, publishedAt: string, report: number): StoryEvent {
  return {
    type: 'ReportIngested',
    data: {
      storyId, reportId, outlet: `Outlet ${report % 7}`, publishedAt, headline: null, byline: null, dateline: null, url: null,
      text: 'text', textSha256: randomUUID(), language: 'en',
    },
  };
}

function factEvent(storyId: string, reportId: string, factId: string, statement: string): StoryEvent {
  return {
    type: 'FactReported',
    data: { storyId, reportId, factId, statement, evidence: { start: 0, end: 4 }, attributedTo: null, modality: 'asserted', occurred: null, entities: [], attribution: null },
  };
}

function revisions(storyId: string, factIds: readonly string[], previous: readonly string[], publishedAt: string): StoryEvent[] {
  const correctedAt = new Date(Date.parse(publishedAt) + 24 * HOUR).toISOString();
  const events: StoryEvent[] = [
    { type: 'FactAmended', data: { storyId, factId: factIds[0], changes: { modality: 'reportedly' }, reason: 'bulk' } },
    { type: 'FactCorrected', data: { storyId, factId: factIds[1], changes: { statement: 'Corrected.' }, reason: 'bulk', correctedAt, reportId: null } },
    { type: 'VerdictRecorded', data: { storyId, factId: factIds[2], verdict: 'unverified', reason: 'bulk' } },
  ];
  if (previous.length > 0) {
    events.push({ type: 'FactsLinked', data: { storyId, linkId: randomUUID(), fromFactId: factIds[3], toFactId: previous[3], kind: 'contradicts', reason: null } });
  }
  return events;
}

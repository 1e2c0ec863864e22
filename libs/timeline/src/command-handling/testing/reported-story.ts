import type { StoryEvent } from '@storyline/story-events';

/** A story with one report (published 2025-11-20, text 20 characters long) and two facts from it. */
export const F1 = '11111111-1111-4111-8111-111111111111';
export const F2 = '22222222-2222-4222-8222-222222222222';
export const R1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

export const reportedStory: readonly StoryEvent[] = [
  { type: 'StoryOpened', data: { storyId: 's', slug: 's', title: 'S' } },
  { type: 'ReportIngested', data: { storyId: 's', reportId: R1, outlet: 'Wire', publishedAt: '2025-11-20T00:00:00.000Z', headline: null, byline: null, dateline: null, url: null, text: 'Twenty chars of text', textSha256: 'h', language: null } },
  { type: 'FactReported', data: { storyId: 's', factId: F1, reportId: R1, statement: 'A', evidence: { start: 0, end: 6 }, attributedTo: null, modality: 'asserted', occurred: null, entities: [], attribution: null } },
  { type: 'FactReported', data: { storyId: 's', factId: F2, reportId: R1, statement: 'B', evidence: { start: 7, end: 12 }, attributedTo: null, modality: 'asserted', occurred: null, entities: [], attribution: null } },
];

export const retractedF1: StoryEvent = { type: 'FactRetracted', data: { storyId: 's', factId: F1, reason: 'withdrawn', retractedAt: '2025-11-22T00:00:00.000Z', reportId: null } };

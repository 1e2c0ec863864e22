import { answerToJson } from '@storyline/story-events';
import { randomUUID } from 'node:crypto';
import { TimelineReader, type Timeline, type TimelineQuery } from './timeline.reader';
import type { TimelineEntry } from './timeline-entry';
import { AMENDED_F1, CORRECTED_F1, type FoundingStory, type Revisions, tellWholeStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { tell } from '../testing/story-events';

const ORIGINAL_F1 = 'Witkoff held back-channel talks with Ukrainian officials.';
const reportedAsOf = (iso: string): TimelineQuery => ({ order: 'reported', asOf: new Date(iso), clock: 'reported' });

describe('TimelineReader on the founding story with amendments, corrections, retractions, links and verdicts', () => {
  let harness: ProjectionHarness;
  let reader: TimelineReader;
  let story: FoundingStory;
  let revisions: Revisions;
  const letter = (id: string): string => Object.keys(story.ids).find((key) => story.ids[key] === id) ?? id;
  const letters = (timeline: Timeline): string[] => timeline.entries.map((entry) => letter(entry.id));
  const entry = (timeline: Timeline, key: string): TimelineEntry => timeline.entries.find((found) => found.id === story.ids[key])!;

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new TimelineReader(harness.dataSource);
    await harness.runner.start();
    ({ story, revisions } = await tellWholeStory(harness));
  });

  afterAll(() => harness.close());

  it('as of 21 Nov on the reported clock, shows only the 20 Nov report, with the amendment that fixed our transcription of it', async () => {
    const timeline = await reader.timeline(story.storyId, reportedAsOf('2025-11-21T00:00:00Z'));
    expect(letters(timeline)).toEqual(['A', 'f1', 'f2']);
    expect(entry(timeline, 'f1')).toMatchObject({ statement: AMENDED_F1, status: 'active', corrected: false });
    expect(entry(timeline, 'f1')).not.toHaveProperty('verdict');
    expect(timeline.links).toEqual([]);
  });

  it('shows the 28 Nov correction and retraction as of 29 Nov, not as of 27 Nov, and keeps the retracted fact', async () => {
    const before = await reader.timeline(story.storyId, reportedAsOf('2025-11-27T23:59:59Z'));
    expect(entry(before, 'f1')).toMatchObject({ statement: AMENDED_F1, corrected: false });
    expect(entry(before, 'f2')).toMatchObject({ status: 'active' });
    const after = await reader.timeline(story.storyId, reportedAsOf('2025-11-29T00:00:00Z'));
    expect(letters(after)).toEqual(['A', 'f1', 'f2', 'D', 'f6', 'B', 'f3', 'f4', 'E']);
    expect(entry(after, 'f1')).toMatchObject({ statement: CORRECTED_F1, corrected: true, status: 'active' });
    expect(entry(after, 'f2')).toMatchObject({ statement: 'The talks took place in Miami.', status: 'retracted', corrected: false });
  });

  it('on the reported clock, shows a link once both its facts are reported, but no verdict recorded after the instant', async () => {
    const after = await reader.timeline(story.storyId, reportedAsOf('2025-11-29T00:00:00Z'));
    expect(after.links.map((link) => [link.kind, letter(link.fromFactId), letter(link.toFactId)])).toEqual([
      ['contradicts', 'f3', 'f1'],
      ['repeats', 'f4', 'f1'],
    ]);
    expect(after.entries.filter((found) => found.verdict !== undefined)).toEqual([]);
    const before = await reader.timeline(story.storyId, reportedAsOf('2025-11-27T11:59:59Z'));
    expect(before.links).toEqual([]);
  });

  it('on the recorded clock, shows a link only from when it was recorded', async () => {
    const log = await harness.store.readAll({ after: revisions.beforeAmendment, maxCount: 100 });
    const linkedAt = log.find((event) => event.type === 'FactsLinked')!.recordedAt;
    const before = await reader.timeline(story.storyId, { order: 'recorded', clock: 'recorded', asOf: new Date(linkedAt.getTime() - 1) });
    expect(letters(before)).toEqual(expect.arrayContaining(['f1', 'f3', 'f4']));
    expect(before.links).toEqual([]);
    const at = await reader.timeline(story.storyId, { order: 'recorded', clock: 'recorded', asOf: linkedAt });
    expect(at.links.map((link) => link.kind)).toEqual(['contradicts']);
  });

  it('on the recorded clock, shows the statement as recorded at the position before the amendment', async () => {
    const timeline = await reader.timeline(story.storyId, { order: 'recorded', clock: 'recorded', atPosition: revisions.beforeAmendment });
    expect(entry(timeline, 'f1')).toMatchObject({ statement: ORIGINAL_F1, corrected: false });
    expect(entry(timeline, 'f2')).toMatchObject({ status: 'active' });
    expect(timeline.links).toEqual([]);
  });

  it('shows the latest verdict and the links between facts it shows, as of now', async () => {
    const timeline = await reader.timeline(story.storyId, { order: 'reported' });
    expect(entry(timeline, 'f1')).toMatchObject({ statement: CORRECTED_F1, corrected: true, verdict: 'disputed' });
    expect(timeline.links).toEqual([
      { id: revisions.contradictionId, kind: 'contradicts', fromFactId: story.ids.f3, toFactId: story.ids.f1, reason: 'a Kremlin official, not Ukrainian officials' },
      { id: revisions.repeatId, kind: 'repeats', fromFactId: story.ids.f4, toFactId: story.ids.f1 },
    ]);
    const byThe21st = await reader.timeline(story.storyId, { order: 'reported', atPosition: BigInt(timeline.position), asOf: new Date('2025-11-21T00:00:00Z') });
    expect(byThe21st.links).toEqual([]);
  });

  it('gives exactly the same views again at their positions after more events arrive', async () => {
    const queries: TimelineQuery[] = [
      { order: 'reported' },
      { order: 'occurred', clock: 'recorded' },
      reportedAsOf('2025-11-29T00:00:00Z'),
      { order: 'recorded', asOf: new Date(), clock: 'recorded' },
    ];
    const earlier = await Promise.all(queries.map((query) => reader.timeline(story.storyId, query)));
    const { storyId, ids } = story;
    const end = await tell(harness.store, storyId, [
      { type: 'VerdictRecorded', data: { storyId, factId: ids.f1, verdict: 'confirmed', reason: 'both sides confirmed it' } },
      { type: 'FactAmended', data: { storyId, factId: ids.f3, changes: { attributedTo: 'two sources' }, reason: 'typo' } },
      { type: 'FactCorrected', data: { storyId, factId: ids.f6, changes: { statement: 'Witkoff advised Kremlin aides.' }, reason: 'c', correctedAt: '2025-11-23T00:00:00.000Z', reportId: null } },
      { type: 'FactsLinked', data: { storyId, linkId: randomUUID(), fromFactId: ids.f6, toFactId: ids.f3, kind: 'corroborates', reason: null } },
    ]);
    expect(await harness.runner.waitFor(end, 5000)).toBe(true);
    const now = await reader.timeline(story.storyId, { order: 'reported' });
    expect(entry(now, 'f1').verdict).toBe('confirmed');
    for (const [index, query] of queries.entries()) {
      const again = await reader.timeline(story.storyId, { ...query, atPosition: earlier[index].position });
      expect(answerToJson(again)).toEqual(answerToJson(earlier[index]));
    }
  });
});

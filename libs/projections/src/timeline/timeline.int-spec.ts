import { TimelineReader, type Timeline, type TimelineQuery } from './timeline.reader';
import { tellFirstInstalment, tellSecondInstalment, type FoundingStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';

describe('TimelineReader on the founding story', () => {
  let harness: ProjectionHarness;
  let reader: TimelineReader;
  let story: FoundingStory;
  let recordedAfterA: Date;
  let recordedAfterC: Date;
  let beforeLate: Record<TimelineQuery['order'], Timeline>;
  const letters = (timeline: Timeline): string[] =>
    timeline.entries.map((entry) => Object.keys(story.ids).find((letter) => story.ids[letter] === entry.id) ?? entry.id);

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new TimelineReader(harness.dataSource);
    await harness.runner.start();
    story = await tellFirstInstalment(harness.store);
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 5000)).toBe(true);
    const log = await harness.store.readAll({ maxCount: 100 });
    recordedAfterA = log.find((event) => event.data && (event.data as { factId?: string }).factId === story.ids.f2)!.recordedAt;
    recordedAfterC = log[log.length - 1].recordedAt;
    beforeLate = {
      reported: await reader.timeline(story.storyId, { order: 'reported' }),
      occurred: await reader.timeline(story.storyId, { order: 'occurred' }),
      recorded: await reader.timeline(story.storyId, { order: 'recorded' }),
    };
    const { end } = await tellSecondInstalment(harness.store, story);
    expect(await harness.runner.waitFor(end, 5000)).toBe(true);
  });

  afterAll(() => harness.close());

  it('orders on the reported clock: by publication, each report before its facts, unknown last', async () => {
    const timeline = await reader.timeline(story.storyId, { order: 'reported' });
    expect(letters(timeline)).toEqual(['A', 'f1', 'f2', 'D', 'f6', 'B', 'f3', 'f4', 'C', 'f5']);
    expect(timeline.position).toBe(await harness.runner.checkpoint());
  });

  it('orders on the occurred clock, falling back to publication for facts without an interval', async () => {
    const timeline = await reader.timeline(story.storyId, { order: 'occurred' });
    expect(letters(timeline)).toEqual(['f3', 'f1', 'A', 'f2', 'D', 'f6', 'B', 'f4', 'C', 'f5']);
  });

  it('orders on the recorded clock by log position', async () => {
    const timeline = await reader.timeline(story.storyId, { order: 'recorded' });
    expect(letters(timeline)).toEqual(['A', 'f1', 'f2', 'B', 'f3', 'f4', 'C', 'f5', 'D', 'f6']);
    const recorded = timeline.entries.map((entry) => entry.recordedAt);
    expect([...recorded].sort()).toEqual(recorded);
  });

  it('shows what had been reported by an instant, leaving out reports of unknown date', async () => {
    const timeline = await reader.timeline(story.storyId, { order: 'reported', asOf: new Date('2025-11-21T00:00:00Z'), clock: 'reported' });
    expect(letters(timeline)).toEqual(['A', 'f1', 'f2']);
    const byThe23rd = await reader.timeline(story.storyId, { order: 'reported', asOf: new Date('2025-11-23T00:00:00Z') });
    expect(letters(byThe23rd)).toEqual(['A', 'f1', 'f2', 'D', 'f6']);
  });

  it('shows what Storyline had recorded by an instant, whatever the publication dates', async () => {
    const afterA = await reader.timeline(story.storyId, { order: 'reported', asOf: recordedAfterA, clock: 'recorded' });
    expect(letters(afterA)).toEqual(['A', 'f1', 'f2']);
    const afterC = await reader.timeline(story.storyId, { order: 'reported', asOf: recordedAfterC, clock: 'recorded' });
    expect(letters(afterC)).toEqual(['A', 'f1', 'f2', 'B', 'f3', 'f4', 'C', 'f5']);
  });

  it('gives exactly the earlier view again at the position that view reported', async () => {
    for (const order of ['reported', 'occurred', 'recorded'] as const) {
      const again = await reader.timeline(story.storyId, { order, atPosition: BigInt(beforeLate[order].position) });
      expect(again).toEqual(beforeLate[order]);
    }
    const beyond = await reader.timeline(story.storyId, { order: 'reported', atPosition: 1_000_000n });
    expect(beyond.position).toBe(await harness.runner.checkpoint());
  });

  it('shows each entry with its clocks, and leaves out what does not apply rather than sending null', async () => {
    const { entries } = await reader.timeline(story.storyId, { order: 'reported' });
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    expect(byId.get(story.ids.A)).toEqual({
      kind: 'report',
      id: story.ids.A,
      reportId: story.ids.A,
      source: 'Kyiv Post',
      reportedAt: '2025-11-20T09:00:00.000Z',
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      headline: 'Witkoff held talks with Ukrainian officials',
      url: 'https://example.org/kyiv',
    });
    expect(byId.get(story.ids.f1)).toMatchObject({
      kind: 'fact',
      reportId: story.ids.A,
      source: 'Kyiv Post',
      reportedAt: '2025-11-20T09:00:00.000Z',
      statement: 'Witkoff held back-channel talks with Ukrainian officials.',
      attributedTo: 'Politico',
      modality: 'reportedly',
      evidence: { start: 10, end: 70 },
      occurred: { from: '2025-11-01T00:00:00.000Z', to: '2025-11-20T00:00:00.000Z', precision: 'fuzzy' },
    });
    expect(Object.keys(byId.get(story.ids.f2)!).sort()).toEqual(
      ['corrected', 'evidence', 'id', 'kind', 'modality', 'recordedAt', 'reportId', 'reportedAt', 'source', 'statement', 'status'].sort(),
    );
    expect(byId.get(story.ids.C)).toMatchObject({ source: 'unknown outlet', reportedAt: null });
  });

  it('answers an empty timeline for a story with no reports', async () => {
    expect(await reader.timeline('00000000-0000-4000-8000-000000000000', { order: 'reported' })).toEqual({
      position: await harness.runner.checkpoint(),
      entries: [],
      links: [],
    });
  });
});

import { DiffReader } from './diff.reader';
import { AMENDED_F1, CORRECTED_F1, type FoundingStory, type Revisions, tellWholeStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { tell } from '../testing/story-events';

const day = (iso: string): Date => new Date(iso);

describe('DiffReader on the founding story', () => {
  let harness: ProjectionHarness;
  let reader: DiffReader;
  let story: FoundingStory;
  let revisions: Revisions;
  let recordedBeforeLinks: Date;
  const letter = (id: string): string => Object.keys(story.ids).find((key) => story.ids[key] === id) ?? id;

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new DiffReader(harness.dataSource);
    await harness.runner.start();
    ({ story, revisions } = await tellWholeStory(harness));
    const log = await harness.store.readAll({ after: revisions.beforeAmendment, maxCount: 100 });
    recordedBeforeLinks = log.find((event) => event.type === 'FactsLinked')!.recordedAt;
    recordedBeforeLinks = new Date(recordedBeforeLinks.getTime() - 1);
  });

  afterAll(() => harness.close());

  it('between 21 and 28 Nov on the reported clock, shows the facts published then, with their reports', async () => {
    const diff = await reader.diff(story.storyId, { from: day('2025-11-21T00:00:00Z'), to: day('2025-11-28T00:00:00Z'), clock: 'reported' });
    expect(diff).toMatchObject({ from: '2025-11-21T00:00:00.000Z', to: '2025-11-28T00:00:00.000Z', clock: 'reported', position: BigInt(revisions.end) });
    expect(diff.added.map((item) => letter(item.factId))).toEqual(['f6', 'f3', 'f4']);
    expect(diff.added[1]).toEqual({
      factId: story.ids.f3,
      statement: 'Witkoff advised a Kremlin official.',
      at: '2025-11-27T12:00:00.000Z',
      reports: [{ reportId: story.ids.B, source: 'Newshub Editorial in Europe', reportedAt: '2025-11-27T12:00:00.000Z' }],
    });
    expect(diff.corrected).toEqual([]);
    expect(diff.retracted).toEqual([]);
    // Recorded long after, the contradiction counts on the reported clock once both facts are reported.
    expect(diff.contradicted).toEqual([
      expect.objectContaining({ linkId: revisions.contradictionId, factId: story.ids.f3, at: '2025-11-27T12:00:00.000Z' }),
    ]);
    expect(diff.contradicted[0].contradicts).toMatchObject({ factId: story.ids.f1, statement: AMENDED_F1 });
  });

  it('on the reported clock, counts no contradiction before the later of its two facts is reported', async () => {
    const diff = await reader.diff(story.storyId, { from: day('2025-11-19T00:00:00Z'), to: day('2025-11-27T11:59:59Z'), clock: 'reported' });
    expect(diff.added.map((item) => letter(item.factId))).toEqual(['f1', 'f2', 'f6']);
    expect(diff.contradicted).toEqual([]);
  });

  it('shows the 28 Nov correction (before and after) and retraction once the window covers them', async () => {
    const diff = await reader.diff(story.storyId, { from: day('2025-11-21T00:00:00Z'), to: day('2025-11-29T00:00:00Z'), clock: 'reported' });
    expect(diff.corrected).toEqual([
      {
        factId: story.ids.f1,
        statement: CORRECTED_F1,
        before: AMENDED_F1,
        after: CORRECTED_F1,
        at: '2025-11-28T10:00:00.000Z',
        reason: 'Kyiv Post named both sides',
        reports: [
          { reportId: story.ids.A, source: 'Kyiv Post', reportedAt: '2025-11-20T09:00:00.000Z' },
          { reportId: story.ids.E, source: 'Kyiv Post', reportedAt: '2025-11-28T10:00:00.000Z' },
        ],
      },
    ]);
    expect(diff.retracted).toEqual([
      expect.objectContaining({ factId: story.ids.f2, statement: 'The talks took place in Miami.', at: '2025-11-28T15:00:00.000Z', reason: 'Kyiv Post withdrew the venue' }),
    ]);
  });

  it('on the recorded clock, shows the contradiction when it was recorded, with both facts as of the end', async () => {
    const diff = await reader.diff(story.storyId, { from: recordedBeforeLinks, to: new Date(Date.now() + 60_000), clock: 'recorded' });
    expect(diff.added).toEqual([]);
    expect(diff.corrected).toEqual([]);
    expect(diff.contradicted).toEqual([
      {
        linkId: revisions.contradictionId,
        factId: story.ids.f3,
        statement: 'Witkoff advised a Kremlin official.',
        at: expect.any(String),
        reason: 'a Kremlin official, not Ukrainian officials',
        reports: [{ reportId: story.ids.B, source: 'Newshub Editorial in Europe', reportedAt: '2025-11-27T12:00:00.000Z' }],
        contradicts: {
          factId: story.ids.f1,
          statement: CORRECTED_F1,
          reports: [{ reportId: story.ids.A, source: 'Kyiv Post', reportedAt: '2025-11-20T09:00:00.000Z' }],
        },
      },
    ]);
  });

  it('gives the same diff again at its position after more events arrive', async () => {
    const query = { from: day('2025-11-21T00:00:00Z'), to: day('2025-12-01T00:00:00Z'), clock: 'reported' } as const;
    const earlier = await reader.diff(story.storyId, query);
    const { storyId, ids } = story;
    const end = await tell(harness.store, storyId, [
      { type: 'FactCorrected', data: { storyId, factId: ids.f3, changes: { statement: 'Witkoff advised Kremlin aides.' }, reason: 'r', correctedAt: '2025-11-30T00:00:00.000Z', reportId: null } },
    ]);
    expect(await harness.runner.waitFor(end, 5000)).toBe(true);
    expect((await reader.diff(story.storyId, query)).corrected).toHaveLength(2);
    expect(await reader.diff(story.storyId, { ...query, atPosition: BigInt(earlier.position) })).toEqual(earlier);
  });

  it('refuses a window that ends before it starts', async () => {
    await expect(reader.diff(story.storyId, { from: day('2025-11-28T00:00:00Z'), to: day('2025-11-21T00:00:00Z'), clock: 'reported' })).rejects.toThrow(RangeError);
  });
});

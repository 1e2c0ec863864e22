import { comparePositions } from '@storyline/story-events';
import { FactLocator } from '../facts/fact-locator';
import { LineageReader } from './lineage.reader';
import { AMENDED_F1, CORRECTED_F1, type FoundingStory, type Revisions, tellFirstInstalment, tellWholeStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const NOBODY = '00000000-0000-4000-8000-000000000000';

describe('LineageReader on the founding story', () => {
  let harness: ProjectionHarness;
  let reader: LineageReader;
  let story: FoundingStory;
  let revisions: Revisions;

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new LineageReader(harness.dataSource);
    await harness.runner.start();
    ({ story, revisions } = await tellWholeStory(harness));
  });

  afterAll(() => harness.close());

  it('lists what happened to a fact in log order, each step with its actor', async () => {
    const lineage = (await reader.lineage(story.ids.f1))!;
    expect(lineage.steps.map((step) => [step.kind, step.actor])).toEqual([
      ['reported', 'test'],
      ['amended', 'analyst:olena'],
      ['corrected', 'editor:marta'],
      ['linked', 'analyst:olena'],
      ['verdict', 'analyst:petro'],
      ['repeated', 'analyst:olena'],
    ]);
    const positions = lineage.steps.map((step) => step.position);
    expect([...positions].sort(comparePositions)).toEqual(positions);
    expect(lineage.position).toBe(BigInt(revisions.end));
    expect(lineage.fact).toMatchObject({ id: story.ids.f1, kind: 'fact', statement: CORRECTED_F1, corrected: true, verdict: 'disputed', source: 'Kyiv Post' });
  });

  it('says what each step did, at its time on the reported clock and with both times', async () => {
    const [reported, amended, corrected, linked, verdict, repeated] = (await reader.lineage(story.ids.f1))!.steps;
    expect(reported).toEqual({
      kind: 'reported', at: '2025-11-20T09:00:00.000Z', reportedAt: '2025-11-20T09:00:00.000Z', recordedAt: expect.stringMatching(ISO),
      position: expect.any(BigInt), reportId: story.ids.A, actor: 'test',
    });
    expect(amended).toMatchObject({ at: '2025-11-20T09:00:00.000Z', reason: 'the transcription dropped "senior"', changes: { statement: AMENDED_F1 } });
    expect(amended).not.toHaveProperty('reportId');
    expect(corrected).toMatchObject({ at: '2025-11-28T10:00:00.000Z', reportId: story.ids.E, changes: { statement: CORRECTED_F1 }, reason: 'Kyiv Post named both sides' });
    expect(linked).toMatchObject({ linkKind: 'contradicts', relatedFactId: story.ids.f3, reason: 'a Kremlin official, not Ukrainian officials' });
    expect(linked.at).toBe(linked.recordedAt);
    expect(linked).not.toHaveProperty('reportedAt');
    expect(verdict).toMatchObject({ verdict: 'disputed', reason: 'Newshub contradicts it' });
    expect(repeated).toMatchObject({ linkKind: 'repeats', relatedFactId: story.ids.f4, reportId: story.ids.B, reportedAt: '2025-11-27T12:00:00.000Z', at: '2025-11-27T12:00:00.000Z' });
  });

  it('on the recorded clock, dates every step when it was recorded', async () => {
    const { steps } = (await reader.lineage(story.ids.f1, { clock: 'recorded' }))!;
    expect(steps.every((step) => step.at === step.recordedAt)).toBe(true);
  });

  it('as of an earlier instant, shows only what was known then', async () => {
    const byThe21st = (await reader.lineage(story.ids.f1, { asOf: new Date('2025-11-21T00:00:00Z'), clock: 'reported' }))!;
    expect(byThe21st.steps.map((step) => step.kind)).toEqual(['reported', 'amended']);
    expect(byThe21st.fact).toMatchObject({ statement: AMENDED_F1, corrected: false });
    const byThe29th = (await reader.lineage(story.ids.f1, { asOf: new Date('2025-11-29T00:00:00Z'), clock: 'reported' }))!;
    expect(byThe29th.steps.map((step) => step.kind)).toEqual(['reported', 'amended', 'corrected']);
    const beforeAmendment = (await reader.lineage(story.ids.f1, { atPosition: revisions.beforeAmendment }))!;
    expect(beforeAmendment.steps.map((step) => step.kind)).toEqual(['reported']);
    expect(beforeAmendment.fact.statement).toBe('Witkoff held back-channel talks with Ukrainian officials.');
  });

  it('shows a retraction, and the retracted fact itself', async () => {
    const lineage = (await reader.lineage(story.ids.f2))!;
    expect(lineage.steps.map((step) => step.kind)).toEqual(['reported', 'retracted']);
    expect(lineage.steps[1]).toMatchObject({ at: '2025-11-28T15:00:00.000Z', reason: 'Kyiv Post withdrew the venue', actor: 'editor:marta' });
    expect(lineage.fact).toMatchObject({ status: 'retracted' });
  });

  it('answers null for a fact the view cannot see, an unknown fact, or no id at all', async () => {
    expect(await reader.lineage(story.ids.f3, { asOf: new Date('2025-11-21T00:00:00Z'), clock: 'reported' })).toBeNull();
    expect(await reader.lineage(NOBODY)).toBeNull();
    expect(await reader.lineage('not-a-fact')).toBeNull();
    expect(await reader.lineage(story.ids.A)).toBeNull();
  });
});

describe('FactLocator', () => {
  let harness: ProjectionHarness;
  let story: FoundingStory;

  beforeAll(async () => {
    harness = await projectionHarness();
    await harness.runner.start();
    story = await tellFirstInstalment(harness.store);
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 5000)).toBe(true);
  });

  afterAll(() => harness.close());

  it("finds a fact's story, and nothing for anything else", async () => {
    const locator = new FactLocator(harness.dataSource);
    expect(await locator.storyOf(story.ids.f1)).toBe(story.storyId);
    expect(await locator.storyOf(story.ids.f1.toUpperCase())).toBe(story.storyId);
    expect(await locator.storyOf(NOBODY)).toBeNull();
    expect(await locator.storyOf('f1')).toBeNull();
  });
});

import { SourceLedgerReader, type SourceLedger } from './source-ledger.reader';
import { AMENDED_F1, CORRECTED_F1, type FoundingStory, type Revisions, tellWholeStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';

describe('SourceLedgerReader on the founding story with revisions', () => {
  let harness: ProjectionHarness;
  let reader: SourceLedgerReader;
  let story: FoundingStory;
  let revisions: Revisions;

  const factsOf = (ledger: SourceLedger, name: string) => ledger.sources.find((source) => source.name === name)?.facts ?? [];
  const fact = (ledger: SourceLedger, name: string, key: string) => factsOf(ledger, name).find((found) => found.id === story.ids[key]);

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new SourceLedgerReader(harness.dataSource);
    await harness.runner.start();
    ({ story, revisions } = await tellWholeStory(harness));
  });

  afterAll(() => harness.close());

  it('shows corrected and retracted facts as the view sees them, under every source that carried them', async () => {
    const ledger = await reader.sources(story.storyId);
    expect(fact(ledger, 'Kyiv Post', 'f1')).toMatchObject({ statement: CORRECTED_F1, corrected: true, status: 'active', first: true });
    expect(fact(ledger, 'Politico', 'f1')).toMatchObject({ statement: CORRECTED_F1, role: 'attributed' });
    expect(fact(ledger, 'Kyiv Post', 'f2')).toMatchObject({ statement: 'The talks took place in Miami.', status: 'retracted' });
    const byThe21st = await reader.sources(story.storyId, { asOf: new Date('2025-11-21T00:00:00Z'), clock: 'reported' });
    expect(fact(byThe21st, 'Kyiv Post', 'f1')).toMatchObject({ statement: AMENDED_F1, corrected: false });
    expect(fact(byThe21st, 'Kyiv Post', 'f2')).toMatchObject({ status: 'active' });
  });

  it('never credits a fact linked as repeating another as first, though its wording now differs', async () => {
    const ledger = await reader.sources(story.storyId);
    expect(fact(ledger, 'Newshub Editorial in Europe', 'f4')).toMatchObject({ first: false });
    const beforeLink = await reader.sources(story.storyId, { atPosition: revisions.end - 1n });
    expect(fact(beforeLink, 'Newshub Editorial in Europe', 'f4')).toMatchObject({ first: true });
    const beforeAmendment = await reader.sources(story.storyId, { atPosition: revisions.beforeAmendment });
    expect(fact(beforeAmendment, 'Newshub Editorial in Europe', 'f4')).toMatchObject({ first: false });
  });

  it('gives exactly the same ledger again at its position', async () => {
    const now = await reader.sources(story.storyId);
    expect(await reader.sources(story.storyId, { atPosition: BigInt(now.position) })).toEqual(now);
    expect(now.position).toBe(BigInt(revisions.end));
  });
});

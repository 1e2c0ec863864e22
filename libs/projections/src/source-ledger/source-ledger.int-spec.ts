import { SourceLedgerReader, type SourceLedger } from './source-ledger.reader';
import { tellFirstInstalment, tellSecondInstalment, type FoundingStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';

describe('SourceLedgerReader on the founding story', () => {
  let harness: ProjectionHarness;
  let reader: SourceLedgerReader;
  let story: FoundingStory;
  let beforeLate: SourceLedger;
  let beforeAlias: bigint;
  let recordedBeforeAlias: Date;

  /** Each source as "name: report letters | fact letters with role and first flag". */
  const summary = (ledger: SourceLedger): string[] => {
    const letter = (id: string): string => Object.keys(story.ids).find((key) => story.ids[key] === id) ?? id;
    return ledger.sources.map(
      (source) =>
        `${source.name}: ${source.reports.map((report) => letter(report.reportId)).join(' ')} | ` +
        source.facts.map((fact) => `${letter(fact.id)}${fact.role === 'attributed' ? '@' : ''}${fact.first ? '*' : ''}`).join(' '),
    );
  };

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new SourceLedgerReader(harness.dataSource);
    await harness.runner.start();
    story = await tellFirstInstalment(harness.store);
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 5000)).toBe(true);
    beforeLate = await reader.sources(story.storyId);
    const told = await tellSecondInstalment(harness.store, story);
    beforeAlias = told.beforeAlias;
    expect(await harness.runner.waitFor(told.end, 5000)).toBe(true);
    const log = await harness.store.readAll({ maxCount: 100 });
    recordedBeforeAlias = log.find((event) => event.position === beforeAlias)!.recordedAt;
  });

  afterAll(() => harness.close());

  it('groups spellings and aliases under the registered source, and marks who reported each statement first', async () => {
    const ledger = await reader.sources(story.storyId);
    // @ = credited by attribution, * = first in the story to report that statement
    expect(summary(ledger)).toEqual([
      'Kyiv Post: A | f1* f2*',
      'Politico: D | f1@* f6* f4@',
      'Newshub Editorial in Europe: B | f3 f4',
      'sources familiar with the discussions:  | f3@',
      'unknown outlet: C | f5*',
    ]);
    expect(ledger.sources[1]).toMatchObject({ name: 'Politico', kind: 'outlet', reports: [{ reportId: story.ids.D, reportedAt: '2025-11-22T08:00:00.000Z' }] });
    expect(ledger.sources[0].facts[0]).toEqual({
      id: story.ids.f1,
      statement: 'Witkoff held back-channel talks with Ukrainian officials.',
      reportedAt: '2025-11-20T09:00:00.000Z',
      role: 'outlet',
      first: true,
      status: 'active',
      corrected: false,
    });
  });

  it('keeps an unaliased spelling apart in a view from before the alias was recorded', async () => {
    const expected = [
      'Kyiv Post: A | f1* f2*',
      'Politico:  | f1@* f4@',
      'Politico Europe: D | f6*',
      'Newshub Editorial in Europe: B | f3 f4',
      'sources familiar with the discussions:  | f3@',
      'unknown outlet: C | f5*',
    ];
    expect(summary(await reader.sources(story.storyId, { atPosition: beforeAlias }))).toEqual(expected);
    expect(summary(await reader.sources(story.storyId, { asOf: recordedBeforeAlias, clock: 'recorded' }))).toEqual(expected);
  });

  it('credits a statement as first until an earlier-published report of it arrives, and reproduces that view', async () => {
    expect(summary(beforeLate)).toContain('Newshub Editorial in Europe: B | f3* f4');
    expect(await reader.sources(story.storyId, { atPosition: BigInt(beforeLate.position) })).toEqual(beforeLate);
  });

  it('on the reported clock, shows only what was published by then', async () => {
    const ledger = await reader.sources(story.storyId, { asOf: new Date('2025-11-21T00:00:00Z'), clock: 'reported' });
    expect(summary(ledger)).toEqual(['Kyiv Post: A | f1* f2*', 'Politico:  | f1@*']);
  });
});

import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, openStory } from '../testing/story-events';
import { ClaimsReader } from './claims.reader';

const DAY_ONE = '2011-03-17';
const DAY_TWO = '2011-03-19';
const dated = (statement: string, day: string) => ({
  statement,
  occurred: { from: `${day}T00:00:00.000Z`, to: null, precision: 'day' as const },
  entities: [],
});

describe('the days reports name (claim_report_days) and the later-mentions ranking', () => {
  let harness: ProjectionHarness;
  let storyId: string;
  let lookBack: string;

  beforeAll(async () => {
    harness = await projectionHarness({ batchSize: 2 });
    storyId = await openStory(harness.store, 'report-days-story');
    // Two reports on the day after DAY_TWO carry its claim; nothing later looks back at it.
    for (const outlet of ['Wire One', 'Wire Two']) {
      await ingestReport(harness.store, storyId, {
        outlet, publishedAt: '2011-03-20T09:00:00.000Z', text: 'Jets struck Tripoli yesterday. The no-fly zone holds.',
        facts: [dated('Jets struck targets in Tripoli', DAY_TWO)],
      });
    }
    // Reports weeks later look back at DAY_ONE in a sentence the facts do not keep.
    for (const [index, publishedAt] of ['2011-04-10T09:00:00.000Z', '2011-04-12T09:00:00.000Z', '2011-04-14T09:00:00.000Z'].entries()) {
      const ingested = await ingestReport(harness.store, storyId, {
        outlet: index === 0 ? 'Wire One' : 'Daily Three', publishedAt,
        text: 'Rebels held the east. The Security Council authorised force on March 17, and again the vote was recalled on 17 March.',
        facts: [dated('The Security Council authorised force', DAY_ONE)],
      });
      if (index === 0) lookBack = ingested.reportId;
    }
    await harness.runner.start();
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 60_000)).toBe(true);
  }, 120_000);
  afterAll(() => harness.close());

  it('keeps one row per report and named day, from every sentence', async () => {
    const rows: { day: string; sentences: number; first_sentence: number; calendar: boolean; outlet: string }[] = await harness.dataSource.query(
      'SELECT day, sentences, first_sentence, calendar, outlet FROM claim_report_days WHERE report_id = $1',
      [lookBack],
    );
    expect(rows).toEqual([{ day: DAY_ONE, sentences: 1, first_sentence: 1, calendar: true, outlet: 'Wire One' }]);
    const all: { count: string }[] = await harness.dataSource.query('SELECT count(*) FROM claim_report_days WHERE story_id = $1', [storyId]);
    expect(Number(all[0].count)).toBe(5);
  });

  it('ranks the day later reports look back at first, and as of an instant counts only the reports visible then', async () => {
    const reader = new ClaimsReader(harness.dataSource);
    const now = await reader.developments(storyId);
    expect(now.ranking).toEqual({ name: 'later-mentions', version: 1 });
    expect(now.days.map((day) => [day.day, day.laterMentions])).toEqual([
      [DAY_ONE, 3],
      [DAY_TWO, 2],
    ]);
    expect(now.developments[0]).toMatchObject({ day: DAY_ONE, reportCount: 3 });

    const early = await reader.developments(storyId, { asOf: new Date('2011-03-21T00:00:00.000Z') });
    expect(early.days.map((day) => [day.day, day.laterMentions])).toEqual([[DAY_TWO, 2]]);
    const between = await reader.developments(storyId, { asOf: new Date('2011-04-11T00:00:00.000Z') });
    expect(between.days.map((day) => [day.day, day.laterMentions])).toEqual([
      [DAY_TWO, 2],
      [DAY_ONE, 1],
    ]);
  });
});

import type { DataSource, Logger } from 'typeorm';
import { DiffReader } from '../diff/diff.reader';
import { LineageReader } from '../lineage/lineage.reader';
import { SourceLedgerReader } from '../source-ledger/source-ledger.reader';
import { writeBulkStories } from '../testing/bulk-stories';
import { CORRECTED_F1, tellFirstInstalment, tellSecondInstalment, tellThirdInstalment, type FoundingStory } from '../testing/founding-story';
import { openReadModels, projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { TimelineReader } from './timeline.reader';

/** Keeps every statement a data source sends, with its parameters, to EXPLAIN them afterwards. */
class QueryLog implements Logger {
  queries: { query: string; parameters: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.queries.push({ query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: PlanNode[];
}

const BIG_TABLES = ['timeline_entries', 'source_ledger', 'fact_versions', 'fact_links', 'fact_verdicts', 'fact_reports'];

/** The indexes a scan node reads: its own, or under a bitmap heap scan, those of its bitmap children. */
const indexesOf = (node: PlanNode): string[] =>
  node['Index Name'] ? [node['Index Name']] : node['Node Type'].startsWith('Bitmap') ? (node.Plans ?? []).flatMap(indexesOf) : [];

/** Every read of a table in a plan, as "<scan> on <table> using <indexes>". */
const tableScans = (node: PlanNode): string[] => [
  ...(node['Relation Name'] ? [`${node['Node Type']} on ${node['Relation Name']} using ${indexesOf(node).join(' + ') || '-'}`] : []),
  ...(node.Plans ?? []).flatMap(tableScans),
];

describe('reads whose cost grows with the story, not with the store', () => {
  let harness: ProjectionHarness;
  let logged: DataSource;
  const log = new QueryLog();
  let story: FoundingStory;
  let bulkEvents: number;

  beforeAll(async () => {
    harness = await projectionHarness({ batchSize: 5000 });
    await harness.runner.start();
    bulkEvents = await writeBulkStories(harness.store, { stories: 100, reportsPerStory: 80, factsPerReport: 8 });
    story = await tellFirstInstalment(harness.store);
    await tellSecondInstalment(harness.store, story);
    const { end } = await tellThirdInstalment(harness.store, story);
    expect(await harness.runner.waitFor(end, 240_000)).toBe(true);
    // The statistics autovacuum keeps in production; without them the planner guesses at table sizes.
    await harness.dataSource.query('ANALYZE');
    logged = await openReadModels(harness.database.url, log);
  }, 300_000);

  afterAll(async () => {
    await logged?.destroy();
    await harness.close();
  });

  /** The plans of the story reads a call sends (scans of the tiny checkpoint table are left out). */
  async function plansOf(read: () => Promise<unknown>): Promise<string[]> {
    log.queries = [];
    await read();
    const selects = log.queries.filter(({ query }) => /^\s*(SELECT|WITH)/i.test(query));
    expect(selects.length).toBeGreaterThan(0);
    const described: string[] = [];
    for (const { query, parameters } of selects) {
      const [{ 'QUERY PLAN': [plan] }] = await logged.query(`EXPLAIN (FORMAT JSON) ${query}`, parameters);
      described.push(...tableScans(plan.Plan as PlanNode).filter((scan) => BIG_TABLES.some((table) => scan.includes(` on ${table} `))));
    }
    return described;
  }

  const expectIndexed = (plans: string[]): void => {
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((plan) => plan.startsWith('Seq Scan'))).toEqual([]);
  };

  it(`answers a story's as-of timeline from the story indexes beside ${'>'}100k events of other stories`, async () => {
    expect(bulkEvents).toBeGreaterThanOrEqual(100_000);
    // Uncached, so the second read sends its statements again.
    const reader = new TimelineReader(logged, { cacheSize: 0 });
    const asOf = { order: 'reported', asOf: new Date('2025-11-29T00:00:00Z'), clock: 'reported' } as const;
    const timeline = await reader.timeline(story.storyId, asOf);
    expect(timeline.entries.map((entry) => entry.id)).toEqual(['A', 'f1', 'f2', 'D', 'f6', 'B', 'f3', 'f4', 'E'].map((key) => story.ids[key]));
    expect(timeline.entries[1]).toMatchObject({ statement: CORRECTED_F1, corrected: true });
    const plans = await plansOf(() => reader.timeline(story.storyId, asOf));
    console.log(`timeline as of 29 Nov (reported clock), ${bulkEvents} other events:\n  ${plans.join('\n  ')}`);
    expectIndexed(plans);
    expect(plans).toContainEqual(expect.stringMatching(/ on timeline_entries using timeline_entries_story_(reported|position)_idx$/));
    expect(plans).toContainEqual(expect.stringMatching(/ on fact_versions using fact_versions_story_position_idx$/));
    expect(plans).toContainEqual(expect.stringMatching(/ on fact_links using fact_links_story_position_idx$/));
  });

  it('reads the source ledger, a lineage and a diff from indexes too', async () => {
    const reads: Record<string, () => Promise<unknown>> = {
      sources: () => new SourceLedgerReader(logged).sources(story.storyId, { asOf: new Date('2025-11-29T00:00:00Z'), clock: 'reported' }),
      lineage: () => new LineageReader(logged).lineage(story.ids.f1, { clock: 'recorded' }),
      diff: () => new DiffReader(logged).diff(story.storyId, { from: new Date('2025-11-21T00:00:00Z'), to: new Date('2025-11-29T00:00:00Z'), clock: 'reported' }),
    };
    for (const [name, read] of Object.entries(reads)) {
      const plans = await plansOf(read);
      console.log(`${name}:\n  ${plans.join('\n  ')}`);
      expectIndexed(plans);
    }
  });
});

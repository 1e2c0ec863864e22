import type { StoryEvent } from '@storyline/story-events';
import { storyIdForSlug } from '@storyline/story-events';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoriesReader } from '../stories/stories.reader';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, tell } from '../testing/story-events';
import { TimelineReader, type Timeline } from '../timeline/timeline.reader';
import { MembershipReader } from './membership.reader';
import { ClaimsReader } from '../claims/claims.reader';
import { DiffReader } from '../diff/diff.reader';
import { LineageReader } from '../lineage/lineage.reader';
import { SourceLedgerReader } from '../source-ledger/source-ledger.reader';

/**
 * Two stories, A and B. A report moves from A to B, one of B's reports is split off into C,
 * A is merged into B and B renamed; every view is read before and after each step.
 */
describe('membership read model and as-of reads', () => {
  let harness: ProjectionHarness;
  let timelines: TimelineReader;
  let memberships: MembershipReader;
  let stories: StoriesReader;
  const a = storyIdForSlug('membership-a');
  const b = storyIdForSlug('membership-b');
  const c = storyIdForSlug('membership-c');
  const reports: Record<string, string> = {};
  const positions: Record<string, bigint> = {};
  const recorded: Record<string, Date> = {};

  const reportIds = (timeline: Timeline): string[] =>
    timeline.entries.filter((entry) => entry.kind === 'report').map((entry) => Object.keys(reports).find((name) => reports[name] === entry.id) ?? entry.id).sort();

  async function step(name: string, storyId: string, event: StoryEvent, actor = 'editor-1'): Promise<void> {
    await sleep(5); // recorded instants of consecutive steps must differ for the recorded-clock views below
    positions[name] = await tell(harness.store, storyId, [event], actor);
    const [stored] = await harness.store.readAll({ after: positions[name] - 1n, maxCount: 1 });
    recorded[name] = stored.recordedAt;
    expect(await harness.runner.waitFor(positions[name], 5000)).toBe(true);
  }

  beforeAll(async () => {
    harness = await projectionHarness();
    timelines = new TimelineReader(harness.dataSource, { cacheSize: 0 });
    memberships = new MembershipReader(harness.dataSource);
    stories = new StoriesReader(harness.dataSource);
    await harness.runner.start();
    await tell(harness.store, a, [{ type: 'StoryOpened', data: { storyId: a, slug: 'membership-a', title: 'A' } }]);
    await tell(harness.store, b, [{ type: 'StoryOpened', data: { storyId: b, slug: 'membership-b', title: 'B' } }]);
    reports.a1 = (await ingestReport(harness.store, a, { facts: [{ statement: 'a1 fact' }] })).reportId;
    reports.a2 = (await ingestReport(harness.store, a, { facts: [{ statement: 'a2 fact' }] })).reportId;
    reports.b1 = (await ingestReport(harness.store, b, { facts: [{ statement: 'b1 fact' }] })).reportId;
    const ingested = await harness.store.headPosition();
    expect(await harness.runner.waitFor(ingested, 5000)).toBe(true);
    positions.ingested = ingested;
    await step('moved', a, { type: 'ReportMoved', data: { storyId: a, reportId: reports.a2, toStoryId: b, reason: 'about B' } });
    await step('split', c, {
      type: 'ReportsSplit',
      data: { storyId: c, slug: 'membership-c', title: 'C', fromStoryId: b, reportIds: [reports.b1], reason: 'a strand of its own' },
    });
    await step('merged', a, { type: 'StoryMerged', data: { storyId: a, intoStoryId: b, reason: 'one story' } });
    await step('renamed', b, {
      type: 'StoryRenamed',
      data: { storyId: b, slug: 'membership-b2', title: 'B, renamed', previousSlug: 'membership-b', previousTitle: 'B', reason: 'clearer' },
    });
  });

  afterAll(() => harness.close());

  it('reads the stories as they are now: after the merge together, the split report apart', async () => {
    expect(reportIds(await timelines.timeline(b, { order: 'recorded' }))).toEqual(['a1', 'a2']);
    expect(reportIds(await timelines.timeline(a, { order: 'recorded' }))).toEqual([]);
    const split = await timelines.timeline(c, { order: 'recorded' });
    expect(reportIds(split)).toEqual(['b1']);
    expect(split.entries.filter((entry) => entry.kind === 'fact').map((entry) => entry.statement)).toEqual(['b1 fact']);
  });

  it('reads membership as recorded at each earlier instant on the recorded clock', async () => {
    const at = (name: string) => ({ order: 'recorded' as const, asOf: new Date(recorded[name].getTime() - 1), clock: 'recorded' as const });
    expect(reportIds(await timelines.timeline(a, at('moved')))).toEqual(['a1', 'a2']);
    expect(reportIds(await timelines.timeline(b, at('moved')))).toEqual(['b1']);
    expect(reportIds(await timelines.timeline(b, at('split')))).toEqual(['a2', 'b1']);
    expect(reportIds(await timelines.timeline(c, at('split')))).toEqual([]);
    expect(reportIds(await timelines.timeline(a, at('merged')))).toEqual(['a1']);
    expect(reportIds(await timelines.timeline(b, at('merged')))).toEqual(['a2']);
  });

  it('reads membership at a log position the same way', async () => {
    expect(reportIds(await timelines.timeline(b, { order: 'recorded', atPosition: positions.merged - 1n }))).toEqual(['a2']);
    expect(reportIds(await timelines.timeline(b, { order: 'recorded', atPosition: positions.merged }))).toEqual(['a1', 'a2']);
  });

  it('uses current membership on the reported clock, narrowing only what the reports said', async () => {
    const view = { order: 'reported' as const, asOf: new Date('2030-01-01T00:00:00Z'), clock: 'reported' as const };
    expect(reportIds(await timelines.timeline(b, view))).toEqual(['a1', 'a2']);
    expect(reportIds(await timelines.timeline(b, { ...view, asOf: new Date('2000-01-01T00:00:00Z') }))).toEqual([]);
  });

  it('reads sources, claims and the diff of a story with its members in the view', async () => {
    const ledger = new SourceLedgerReader(harness.dataSource);
    const claims = new ClaimsReader(harness.dataSource);
    const diffs = new DiffReader(harness.dataSource);
    const reportsInLedger = async (storyId: string, view = {}): Promise<string[]> =>
      (await ledger.sources(storyId, view)).sources.flatMap((source) => source.reports.map((report) => Object.keys(reports).find((name) => reports[name] === report.reportId))).sort() as string[];
    const statements = async (storyId: string, view = {}): Promise<string[]> => (await claims.claims(storyId, view)).claims.map((claim) => claim.statement).sort();
    expect(await reportsInLedger(b)).toEqual(['a1', 'a2']);
    expect(await reportsInLedger(b, { atPosition: positions.merged - 1n })).toEqual(['a2']);
    expect(await reportsInLedger(c)).toEqual(['b1']);
    expect(await statements(b)).toEqual(['a1 fact', 'a2 fact']);
    expect(await statements(b, { asOf: new Date(recorded.split.getTime() - 1), clock: 'recorded' })).toEqual(['a2 fact', 'b1 fact']);
    expect(await statements(a)).toEqual([]);
    const diff = await diffs.diff(b, { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z'), clock: 'reported' });
    expect(diff.added.map((fact) => fact.statement).sort()).toEqual(['a1 fact', 'a2 fact']);
  });

  it('gives the lineage of a fact the stories its report belonged to, as of the view', async () => {
    const lineages = new LineageReader(harness.dataSource);
    const [fact] = await harness.dataSource.query(`SELECT id FROM timeline_entries WHERE kind = 'fact' AND report_id = $1`, [reports.a2]);
    const now = await lineages.lineage(fact.id);
    expect(now?.stories.map((step) => [step.storyId, step.toPosition])).toEqual([
      [a, positions.moved],
      [b, null],
    ]);
    const before = await lineages.lineage(fact.id, { atPosition: positions.moved - 1n });
    expect(before?.stories.map((step) => [step.storyId, step.toPosition])).toEqual([[a, null]]);
  });

  it('answers a merged story by the story it went into, and by itself before the merge', async () => {
    expect(await stories.resolveInView('membership-a')).toEqual({ id: b, slug: 'membership-b2', title: 'B, renamed', mergedFrom: { id: a, slug: 'membership-a' } });
    expect(await stories.resolveInView(a, { asOf: new Date(recorded.merged.getTime() - 1), clock: 'recorded' })).toEqual({ id: a, slug: 'membership-a', title: 'A' });
    expect(await stories.resolveInView(a, { atPosition: positions.merged - 1n })).toEqual({ id: a, slug: 'membership-a', title: 'A' });
  });

  it('keeps every slug a story held answering for it', async () => {
    expect((await stories.resolve('membership-b'))?.id).toBe(b);
    expect((await stories.resolve('membership-b2'))?.id).toBe(b);
    expect((await stories.resolve('membership-c'))?.title).toBe('C');
    expect(await memberships.storyOfSlug('membership-b2')).toBe(b);
    expect(await memberships.storyOfSlug('nobody')).toBeNull();
  });

  it('keeps the history of a story with actor and reason, and where each report is', async () => {
    const history = await memberships.history(b);
    expect(history.map((change) => [change.kind, change.storyId, change.toStoryId, change.reason, change.actor])).toEqual([
      ['moved', a, b, 'about B', 'editor-1'],
      ['split', b, c, 'a strand of its own', 'editor-1'],
      ['merged', a, b, 'one story', 'editor-1'],
      ['renamed', b, null, 'clearer', 'editor-1'],
    ]);
    expect(history[2].reportIds).toEqual([reports.a1]);
    expect(await memberships.placeOf(reports.a1)).toEqual({ storyId: b, homeStoryId: a });
    expect(await memberships.placeOf(reports.b1)).toEqual({ storyId: c, homeStoryId: b });
  });

  it('shows a claim stated in two stories as one claim of both outlets once they merge', async () => {
    const d = storyIdForSlug('membership-d');
    const e = storyIdForSlug('membership-e');
    await tell(harness.store, d, [{ type: 'StoryOpened', data: { storyId: d, slug: 'membership-d', title: 'D' } }]);
    await tell(harness.store, e, [{ type: 'StoryOpened', data: { storyId: e, slug: 'membership-e', title: 'E' } }]);
    const said = 'The port authority closed the harbour to all shipping on Monday';
    await ingestReport(harness.store, e, { outlet: 'Outlet E', publishedAt: '2025-11-20T09:00:00.000Z', facts: [{ statement: said }, { statement: 'Fishermen protested outside the town hall' }] });
    await ingestReport(harness.store, d, { outlet: 'Outlet D', publishedAt: '2025-11-21T09:00:00.000Z', facts: [{ statement: said }, { statement: 'A ferry was diverted to the next port' }] });
    await step('merged-d', d, { type: 'StoryMerged', data: { storyId: d, intoStoryId: e, reason: 'one story' } });
    const claims = new ClaimsReader(harness.dataSource);
    const summary = async (view = {}) =>
      (await claims.claims(e, view)).claims
        .map((claim) => ({ statement: claim.statement, outlets: claim.outlets, roles: claim.members.map((member) => `${member.outlet}:${member.role}:${member.rule}`) }))
        .sort((x, y) => x.statement.localeCompare(y.statement)); // claims reported at one instant come in id order
    expect(await summary({ atPosition: positions['merged-d'] - 1n })).toEqual([
      { statement: 'Fishermen protested outside the town hall', outlets: ['Outlet E'], roles: ['Outlet E:first:founds-claim'] },
      { statement: said, outlets: ['Outlet E'], roles: ['Outlet E:first:founds-claim'] },
    ]);
    expect(await summary()).toEqual([
      { statement: 'A ferry was diverted to the next port', outlets: ['Outlet D'], roles: ['Outlet D:first:founds-claim'] },
      { statement: 'Fishermen protested outside the town hall', outlets: ['Outlet E'], roles: ['Outlet E:first:founds-claim'] },
      { statement: said, outlets: ['Outlet D', 'Outlet E'], roles: ['Outlet E:first:founds-claim', 'Outlet D:corroborates:same-wording'] },
    ]);
    const developments = await claims.developments(e);
    expect(developments.developments.filter((development) => development.statement === said).map((development) => development.outletCount)).toEqual([2]);
  });
});

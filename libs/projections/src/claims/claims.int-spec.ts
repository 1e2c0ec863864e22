import { CLAIMS_RULES_VERSION, groupClaims, type ClaimFact } from '@storyline/claims';
import { storylineProjections } from '../index';
import { ProjectionRunner } from '../runtime/projection-runner';
import { Rebuilds } from '../rebuild/rebuilds';
import { projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, newEvent, openStory } from '../testing/story-events';
import { randomFrom } from '../testing/story-workload';
import { ClaimsReader } from './claims.reader';

const SUBJECTS = ['Steve Witkoff', 'European allies', 'Kremlin officials', 'Ukrainian negotiators', 'NATO diplomats'];
const ACTIONS = ['met in Geneva to discuss a ceasefire', 'rejected the proposal for phased withdrawals', 'called for security guarantees before any deal', 'said the talks would resume next week'];
const OUTLETS = ['Wire One', 'Wire Two', 'Daily Three', null];

/** A deterministic story: many outlets restating a few claims in slightly different words, some dated. */
function reports(): { outlet: string | null; dateline: string | null; publishedAt: string; facts: { statement: string; occurred: { from: string; to: string; precision: 'day' } | null; entities: { name: string; type: 'person'; text: string; start: number; end: number }[] }[] }[] {
  const random = randomFrom(7);
  const next = (n: number): number => Math.floor(random() * n);
  return Array.from({ length: 24 }, (_, index) => {
    const day = 10 + (index % 6);
    return {
      outlet: OUTLETS[next(OUTLETS.length)],
      dateline: 'GENEVA, Nov 12',
      publishedAt: `2025-11-${String(day).padStart(2, '0')}T${String(8 + (index % 9)).padStart(2, '0')}:00:00.000Z`,
      facts: Array.from({ length: 4 }, () => {
        const subject = SUBJECTS[next(SUBJECTS.length)];
        const action = ACTIONS[next(ACTIONS.length)];
        const tail = ['', ' on Tuesday', ', officials said', ' again'][next(4)];
        const dated = next(3) === 0;
        return {
          statement: `${subject} ${action}${tail}`,
          occurred: dated ? { from: `2025-11-${String(day - 1).padStart(2, '0')}T00:00:00.000Z`, to: `2025-11-${String(day).padStart(2, '0')}T00:00:00.000Z`, precision: 'day' as const } : null,
          entities: [{ name: subject, type: 'person' as const, text: subject, start: 0, end: subject.length }],
        };
      }),
    };
  });
}

describe('the claims read model', () => {
  let harness: ProjectionHarness;
  let storyId: string;
  const facts: ClaimFact[] = [];
  const links: { fromFactId: string; toFactId: string; kind: string }[] = [];

  beforeAll(async () => {
    // One event per batch: every event is applied as if the projector had just restarted.
    harness = await projectionHarness({ batchSize: 1 });
    storyId = await openStory(harness.store, 'claims-story');
    for (const report of reports()) {
      const ingested = await ingestReport(harness.store, storyId, { ...report, facts: report.facts });
      report.facts.forEach((fact, index) =>
        facts.push({
          id: ingested.factIds[index], reportId: ingested.reportId, outlet: report.outlet ?? 'outlet not named — Geneva dateline',
          reportedAt: report.publishedAt, statement: fact.statement, occurred: fact.occurred, entities: fact.entities,
        }),
      );
    }
    const link = { fromFactId: facts[0].id, toFactId: facts[facts.length - 1].id, kind: 'contradicts' as const };
    links.push(link);
    await harness.store.appendToStream(`story-${storyId}`, [newEvent({ type: 'FactsLinked', data: { storyId, linkId: '00000000-0000-4000-8000-000000000001', ...link, reason: null } })], 'any');
    await harness.runner.start();
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 60_000)).toBe(true);
  }, 120_000);
  afterAll(() => harness.close());

  it('groups from its tables, one event per batch, exactly as ClaimIndex groups in memory', async () => {
    const expected = groupClaims(facts, links);
    expect(expected.length).toBeLessThan(facts.length);
    const { claims } = await new ClaimsReader(harness.dataSource).claims(storyId);
    const shape = (list: readonly { id: string; members: readonly { factId: string; role: string; rule: string; score: number }[]; contradictedBy: readonly string[] }[]) =>
      list.map((claim) => ({ id: claim.id, members: claim.members.map(({ factId, role, rule, score }) => ({ factId, role, rule, score })), contradictedBy: claim.contradictedBy })).sort((a, b) => a.id.localeCompare(b.id));
    expect(shape(claims)).toEqual(shape(expected));
    expect([...new Set(claims.flatMap((claim) => claim.outlets))].sort()).toEqual(['Daily Three', 'Wire One', 'Wire Two', 'outlet not named — Geneva dateline'].sort());
  });

  it('says which claims rules grouped each claim, and when something in view was grouped by other rules', async () => {
    const reader = new ClaimsReader(harness.dataSource);
    const current = await reader.claims(storyId);
    expect(current.rules).toEqual(CLAIMS_RULES_VERSION);
    expect(current.rebuildNeeded).toBe(false);
    expect(new Set(current.claims.flatMap((claim) => [claim.rules, ...claim.members.map((member) => member.rules)]).map((rules) => `${rules.name} ${rules.version}`))).toEqual(
      new Set([`${CLAIMS_RULES_VERSION.name} ${CLAIMS_RULES_VERSION.version}`]),
    );
    const older = current.claims[0];
    await harness.dataSource.query("UPDATE claim_members SET rules_version = 'older' WHERE claim_id = $1", [older.id]);
    try {
      const developments = await reader.developments(storyId);
      expect(developments.rebuildNeeded).toBe(true);
      expect((await reader.claims(storyId)).claims.find((claim) => claim.id === older.id)!.rules).toEqual({ name: CLAIMS_RULES_VERSION.name, version: 'older' });
    } finally {
      await harness.dataSource.query('UPDATE claim_members SET rules_version = $2 WHERE claim_id = $1', [older.id, CLAIMS_RULES_VERSION.version]);
    }
  });

  it('rebuilds beside the live tables into the same claims', async () => {
    const before = await harness.dataSource.query('SELECT fact_id, claim_id, rule, score, rules_name, rules_version, position FROM claim_members ORDER BY fact_id');
    const rebuilds = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections, tuning: { batchSize: 7, swapDistance: 5, pollMs: 20 }, logger: new RecordingLogger() });
    const rebuild = await rebuilds.start(['claims']);
    await rebuild.finished;
    await rebuilds.close();
    expect(await harness.dataSource.query('SELECT fact_id, claim_id, rule, score, rules_name, rules_version, position FROM claim_members ORDER BY fact_id')).toEqual(before);
  });

  it('a fresh runner with large batches gives the same claims', async () => {
    await harness.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'claims'");
    for (const table of ['claims', 'claim_keys', 'claim_members', 'claim_reports', 'claim_contradictions', 'claim_report_days', 'claim_fact_changes']) await harness.dataSource.query(`DELETE FROM ${table}`);
    const grouping = (list: readonly { id: string; members: readonly { factId: string }[] }[]) => list.map((claim) => [claim.id, claim.members.map((member) => member.factId).sort()]).sort();
    const expected = grouping(groupClaims(facts, links));
    await harness.runner.stop();
    const runner = new ProjectionRunner({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections(), logger: new RecordingLogger(), batchSize: 500 });
    await runner.start();
    expect(await runner.waitFor(await harness.store.headPosition(), 60_000)).toBe(true);
    await runner.stop();
    expect(grouping((await new ClaimsReader(harness.dataSource).claims(storyId)).claims)).toEqual(expected);
  });
});

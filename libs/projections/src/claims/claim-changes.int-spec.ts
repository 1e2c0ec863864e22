import type { AsOf } from '@storyline/story-events';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, openStory, tell } from '../testing/story-events';
import { ClaimsReader, type ClaimView } from './claims.reader';

const TALKS = 'Steve Witkoff met Kremlin officials in Geneva to discuss a ceasefire';
const TALKS_AGAIN = 'Steve Witkoff met Kremlin officials in Geneva to discuss a ceasefire plan';
const TALKS_CORRECTED = 'Steve Witkoff met Ukrainian officials in Geneva to discuss a ceasefire';
const SANCTIONS = 'European allies announced new sanctions on Russian oil exports';
const SANCTIONS_AMENDED = 'European allies announced new sanctions on Russian gas exports';
const witkoff = [{ name: 'Steve Witkoff', type: 'person' as const, text: 'Steve Witkoff', start: 0, end: 13 }];

const reported = (iso: string): AsOf => ({ clock: 'reported', asOf: new Date(iso) });

describe('claims with amendments, corrections and retractions, as of any instant', () => {
  let harness: ProjectionHarness;
  let reader: ClaimsReader;
  let storyId: string;
  const ids: Record<string, string> = {};
  const recordedAt: Record<string, Date> = {};
  const claimOf = (claims: readonly ClaimView[], factId: string): ClaimView | undefined => claims.find((claim) => claim.members.some((member) => member.factId === factId));
  const memberIds = (claims: readonly ClaimView[]): string[][] => claims.map((claim) => claim.members.map((member) => member.factId).sort()).sort();

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new ClaimsReader(harness.dataSource);
    await harness.runner.start();
    storyId = await openStory(harness.store, 'claim-changes');
    const first = await ingestReport(harness.store, storyId, {
      outlet: 'Wire One', publishedAt: '2025-11-20T09:00:00.000Z',
      facts: [{ statement: TALKS, entities: witkoff }, { statement: SANCTIONS }],
    });
    const second = await ingestReport(harness.store, storyId, { outlet: 'Wire Two', publishedAt: '2025-11-21T09:00:00.000Z', facts: [{ statement: TALKS_AGAIN, entities: witkoff }] });
    [ids.talks, ids.sanctions] = first.factIds;
    [ids.again] = second.factIds;
    const steps: [string, Parameters<typeof tell>[2][number]][] = [
      ['amended', { type: 'FactAmended', data: { storyId, factId: ids.sanctions, changes: { statement: SANCTIONS_AMENDED }, reason: 'transcription' } }],
      ['retracted', { type: 'FactRetracted', data: { storyId, factId: ids.again, reason: 'withdrawn', retractedAt: '2025-11-25T00:00:00.000Z', reportId: null } }],
      ['corrected', { type: 'FactCorrected', data: { storyId, factId: ids.talks, changes: { statement: TALKS_CORRECTED }, reason: 'wrong side', correctedAt: '2025-11-27T00:00:00.000Z', reportId: null } }],
      ['sanctionsRetracted', { type: 'FactRetracted', data: { storyId, factId: ids.sanctions, reason: 'withdrawn', retractedAt: '2025-11-28T00:00:00.000Z', reportId: null } }],
    ];
    for (const [name, event] of steps) {
      const position = await tell(harness.store, storyId, [event]);
      const [stored] = await harness.store.readAll({ after: position - 1n, maxCount: 1 });
      recordedAt[name] = stored.recordedAt;
      // Distinct recorded instants, so that "just before" each change is a real instant.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 10_000)).toBe(true);
  });

  afterAll(() => harness.close());

  it('groups the two reports of the talks into one claim before anything changes', async () => {
    const { claims } = await reader.claims(storyId, reported('2025-11-22T00:00:00Z'));
    expect(memberIds(claims)).toEqual([[ids.again, ids.talks].sort(), [ids.sanctions]].sort());
    expect(claimOf(claims, ids.talks)!.outlets).toEqual(['Wire One', 'Wire Two']);
  });

  it('on the reported clock, shows an amendment from the fact\'s own report, a retraction and a correction from when the outlet made them', async () => {
    const early = await reader.claims(storyId, reported('2025-11-20T10:00:00Z'));
    expect(claimOf(early.claims, ids.sanctions)!.statement).toBe(SANCTIONS_AMENDED);
    expect(claimOf(early.claims, ids.talks)!.statement).toBe(TALKS);

    const beforeRetraction = await reader.claims(storyId, reported('2025-11-24T23:59:59Z'));
    expect(claimOf(beforeRetraction.claims, ids.talks)!.members.map((member) => member.factId)).toEqual([ids.talks, ids.again]);
    const afterRetraction = await reader.claims(storyId, reported('2025-11-25T00:00:00Z'));
    expect(claimOf(afterRetraction.claims, ids.talks)!.members.map((member) => member.factId)).toEqual([ids.talks]);
    expect(claimOf(afterRetraction.claims, ids.talks)!.outlets).toEqual(['Wire One']);
    expect(claimOf(afterRetraction.claims, ids.talks)!.statement).toBe(TALKS);

    const corrected = await reader.claims(storyId, reported('2025-11-27T00:00:00Z'));
    const talks = claimOf(corrected.claims, ids.talks)!;
    expect(talks.id).toBe(ids.talks);
    expect(talks.statement).toBe(TALKS_CORRECTED);
    expect(talks.members[0].statement).toBe(TALKS_CORRECTED);

    expect(claimOf((await reader.claims(storyId, reported('2025-11-27T23:59:59Z'))).claims, ids.sanctions)).toBeDefined();
    const gone = await reader.claims(storyId, reported('2025-11-28T00:00:00Z'));
    expect(claimOf(gone.claims, ids.sanctions)).toBeUndefined();
    expect(memberIds(gone.claims)).toEqual([[ids.talks]]);
  });

  it('on the recorded clock, shows each change from the instant it was recorded', async () => {
    const recorded = (at: Date, offset = 0): AsOf => ({ clock: 'recorded', asOf: new Date(at.getTime() + offset) });
    const beforeAmendment = await reader.claims(storyId, recorded(recordedAt.amended, -1));
    expect(claimOf(beforeAmendment.claims, ids.sanctions)!.statement).toBe(SANCTIONS);
    expect(claimOf((await reader.claims(storyId, recorded(recordedAt.amended))).claims, ids.sanctions)!.statement).toBe(SANCTIONS_AMENDED);

    expect(claimOf((await reader.claims(storyId, recorded(recordedAt.retracted, -1))).claims, ids.again)).toBeDefined();
    const retracted = await reader.claims(storyId, recorded(recordedAt.retracted));
    expect(claimOf(retracted.claims, ids.again)).toBeUndefined();
    expect(claimOf(retracted.claims, ids.talks)!.members).toHaveLength(1);

    expect(claimOf((await reader.claims(storyId, recorded(recordedAt.corrected, -1))).claims, ids.talks)!.statement).toBe(TALKS);
    expect(claimOf((await reader.claims(storyId, recorded(recordedAt.corrected))).claims, ids.talks)!.statement).toBe(TALKS_CORRECTED);

    expect(claimOf((await reader.claims(storyId, recorded(recordedAt.sanctionsRetracted, -1))).claims, ids.sanctions)).toBeDefined();
    expect(claimOf((await reader.claims(storyId, recorded(recordedAt.sanctionsRetracted))).claims, ids.sanctions)).toBeUndefined();
  });

  it('drops the retracted facts from the key developments as of now, and keeps them in the view at an earlier position', async () => {
    const now = await reader.developments(storyId);
    expect(now.developments.map((development) => development.claimId)).toEqual([ids.talks]);
    expect(now.developments[0].statement).toBe(TALKS_CORRECTED);
    const [beforeChanges] = await harness.dataSource.query("SELECT min(position)::text AS position FROM claim_fact_changes WHERE story_id = $1", [storyId]);
    const earlier = await reader.developments(storyId, { atPosition: BigInt(beforeChanges.position) - 1n });
    expect(earlier.developments.map((development) => development.claimId).sort()).toEqual([ids.talks, ids.sanctions].sort());
  });
});

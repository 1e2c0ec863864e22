import { CLAIMS_RULES_VERSION } from '@storyline/claims';
import { loadExampleIfEmpty } from '@storyline/server';
import { startApi, type ApiHarness } from './harness';

interface Member {
  factId: string;
  reportId: string;
  outlet: string;
  reportedAt: string;
  role: string;
  rule: string;
  score: number;
  extractor: string | null;
}
interface ClaimBody {
  id: string;
  statement: string;
  occurred: { day: string | null; rule: string };
  firstReport: { reportId: string; outlet: string; reportedAt: string };
  outlets: string[];
  reports: { reportId: string }[];
  members: Member[];
  contradictedBy: string[];
}

const STORY = '/stories/witkoff-back-channel';
const KYIV = 'Kyiv-datelined web report (outlet unnamed)';
const NEWSHUB = 'Newshub Editorial in Europe';

describe('claims and key developments (the founding example)', () => {
  let api: ApiHarness;
  let ukrainian: { id: string };
  let kremlin: { id: string };
  let repeatFactId: string;

  beforeAll(async () => {
    api = await startApi();
    await loadExampleIfEmpty(api.app);
    const timeline = (await api.http().get(`${STORY}/timeline`).expect(200)).body;
    ukrainian = timeline.entries.find((entry: { statement?: string }) => /Ukrainian officials/.test(entry.statement ?? ''));
    kremlin = timeline.entries.find((entry: { statement?: string }) => /Kremlin official/.test(entry.statement ?? ''));
  });
  afterAll(() => api.close());

  it('reads the two reports as a handful of claims, each member with its rule, score and first report', async () => {
    const { body } = await api.http().get(`${STORY}/claims`).expect(200);
    expect(body.story).toMatchObject({ slug: 'witkoff-back-channel' });
    expect(typeof body.position).toBe('number');
    expect(body).toMatchObject({ rules: CLAIMS_RULES_VERSION, rebuildNeeded: false });
    const claims: ClaimBody[] = body.claims;
    expect(claims.length).toBeGreaterThanOrEqual(2);
    expect(claims.length).toBeLessThanOrEqual(8);
    const counterpart = claims.find((claim) => claim.id === ukrainian.id)!;
    expect(counterpart).toMatchObject({
      statement: expect.stringMatching(/Ukrainian officials/),
      occurred: { day: null, rule: 'undated' },
      firstReport: { outlet: KYIV, reportedAt: '2025-11-20T00:00:00.000Z' },
      outlets: [KYIV],
    });
    expect(counterpart.members).toEqual([expect.objectContaining({ factId: ukrainian.id, role: 'first', rule: 'founds-claim', score: 1 })]);
    expect(claims.flatMap((claim) => claim.members.map((member) => member.factId))).toHaveLength(8);
  });

  it('shows a recorded contradiction between the two claims, in both directions', async () => {
    const link = { fromFactId: kremlin.id, toFactId: ukrainian.id, kind: 'contradicts', reason: 'Kremlin official vs Ukrainian officials' };
    await api.http().post(`${STORY}/links`).send(link).expect(201);
    const claims: ClaimBody[] = (await api.http().get(`${STORY}/claims`).expect(200)).body.claims;
    const claimOf = (factId: string): ClaimBody => claims.find((claim) => claim.members.some((member) => member.factId === factId))!;
    expect(claimOf(ukrainian.id).contradictedBy).toEqual([claimOf(kremlin.id).id]);
    expect(claimOf(kremlin.id).contradictedBy).toEqual([claimOf(ukrainian.id).id]);
    expect(claimOf(kremlin.id).firstReport.outlet).toBe(NEWSHUB);
  });

  it('as of 21 November on the reported clock shows only the first report\'s claims, and no contradiction yet', async () => {
    const { body } = await api.http().get(`${STORY}/claims?asOf=2025-11-21&clock=reported`).expect(200);
    const members: Member[] = body.claims.flatMap((claim: ClaimBody) => claim.members);
    expect(new Set(members.map((member) => member.outlet))).toEqual(new Set([KYIV]));
    expect(members).toHaveLength(4);
    expect(body.claims.every((claim: ClaimBody) => claim.contradictedBy.length === 0)).toBe(true);
  });

  it('groups a later report that repeats a claim, saying which rule and score placed it, and keeps earlier positions as they were', async () => {
    const before = (await api.http().get(`${STORY}/claims`).expect(200)).body;
    const repeat = {
      outlet: 'Second Desk',
      publishedAt: '2025-11-28T09:00:00Z',
      text: 'Steve Witkoff held back-channel talks with Ukrainian officials, the desk confirmed.',
      facts: [{ statement: 'Steve Witkoff held back-channel talks with Ukrainian officials', evidence: { start: 0, end: 62 }, attributedTo: null, modality: 'asserted', occurred: null }],
    };
    const ingested = (await api.http().post(`${STORY}/reports`).send(repeat).expect(201)).body;
    repeatFactId = ingested.factIds[0];
    const claims: ClaimBody[] = (await api.http().get(`${STORY}/claims`).expect(200)).body.claims;
    const counterpart = claims.find((claim) => claim.id === ukrainian.id)!;
    expect(counterpart.outlets).toEqual(['Second Desk', KYIV].sort());
    expect(counterpart.members[1]).toMatchObject({ factId: ingested.factIds[0], role: 'corroborates', rule: 'same-wording', score: 1, outlet: 'Second Desk' });
    const then = (await api.http().get(`${STORY}/claims?atPosition=${before.position}`).expect(200)).body;
    expect(then).toEqual(before);
  });

  it('lists key developments, ranked by how many outlets carry each, opening into their reports', async () => {
    const { body } = await api.http().get(`${STORY}/developments`).expect(200);
    const [top] = body.developments;
    expect(top).toMatchObject({ claimId: ukrainian.id, rank: 1, outletCount: 2, day: '2025-11-20', dayRule: 'first-reported' });
    expect(top.reports.map((report: { outlet: string }) => report.outlet)).toEqual([KYIV, 'Second Desk']);
    expect(top.contradictedBy).toHaveLength(1);
    const ranks = body.developments.map((entry: { rank: number }) => entry.rank);
    expect(ranks).toEqual(ranks.map((_: number, index: number) => index + 1));
    const outlets = body.developments.map((entry: { outletCount: number }) => entry.outletCount);
    expect(outlets).toEqual([...outlets].sort((a: number, b: number) => b - a));
  });

  it('records the extractor on the facts it found, and names bad input and unknown stories', async () => {
    const text = 'KYIV, Nov 29 — Steve Witkoff met Ukrainian officials in Kyiv on Friday, officials said.';
    await api.http().post(`${STORY}/reports?publishedAt=2025-11-29T12:00:00Z`).set('Content-Type', 'text/plain').send(text).expect(201);
    const claims: ClaimBody[] = (await api.http().get(`${STORY}/claims`).expect(200)).body.claims;
    const extracted = claims.flatMap((claim) => claim.members).filter((member) => member.reportedAt === '2025-11-29T12:00:00.000Z');
    expect(extracted.length).toBeGreaterThan(0);
    for (const member of extracted) expect(member.extractor).toMatch(/^\S+ \d+\.\d+\.\d+/);
    expect(extracted[0].outlet).toBe('outlet not named — Kyiv dateline');
    const bad = await api.http().get(`${STORY}/claims?asOf=yesterday`).expect(400);
    expect(bad.body.error).toMatchObject({ field: 'asOf' });
    await api.http().get('/stories/no-such-story/developments').expect(404);
  });

  it('takes a retracted fact out of its claim from the instant of retraction, and shows it before', async () => {
    await api.http().post(`/facts/${repeatFactId}/retractions`).send({ reason: 'the desk withdrew it', retractedAt: '2025-11-30T00:00:00Z' }).expect(201);
    const counterpart = (path: string): Promise<ClaimBody> =>
      api.http().get(`${STORY}/claims${path}`).expect(200).then(({ body }) => body.claims.find((claim: ClaimBody) => claim.id === ukrainian.id));
    expect((await counterpart('?asOf=2025-11-29T23:59:59Z&clock=reported')).members.map((member) => member.factId)).toContain(repeatFactId);
    const after = await counterpart('?asOf=2025-11-30T00:00:00Z&clock=reported');
    expect(after.members.map((member) => member.factId)).not.toContain(repeatFactId);
    expect(after.outlets).toEqual([KYIV]);
    expect((await counterpart('')).outlets).toEqual([KYIV]);
    const developments = (await api.http().get(`${STORY}/developments`).expect(200)).body.developments;
    expect(developments.find((entry: { claimId: string }) => entry.claimId === ukrainian.id)).toMatchObject({ outletCount: 1, rules: CLAIMS_RULES_VERSION });
  });
});

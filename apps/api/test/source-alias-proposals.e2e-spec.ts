import { startApi, type ApiHarness } from './harness';

const STORY = '/stories/alias-proposals';

interface Proposal {
  proposalId: string;
  alias: string;
  canonical: string;
  rule: string;
  rules: string;
  score: number;
  evidenceFactIds: string[];
  status: string;
}

function report(publishedAt: string, facts: { statement: string; attributedTo: string }[]) {
  const text = facts.map((fact) => `${fact.statement}.`).join(' ');
  let start = 0;
  return {
    outlet: `Desk ${publishedAt.slice(8, 10)}`,
    publishedAt,
    text,
    facts: facts.map((fact) => {
      const evidence = { start, end: start + fact.statement.length };
      start += fact.statement.length + 2;
      return { ...fact, evidence, modality: 'asserted', occurred: null };
    }),
  };
}

describe('source aliases proposed across reports', () => {
  let api: ApiHarness;
  let proposals: Proposal[] = [];

  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'alias-proposals', title: 'Alias proposals' }).expect(201);
    await api.http().post(`${STORY}/reports`).send(report('2025-11-20T09:00:00Z', [
      { statement: 'The ceasefire is likely to hold', attributedTo: 'Dr. Laura Mitchell' },
      { statement: 'The plan is doomed', attributedTo: 'critics' },
    ])).expect(201);
    await api.http().post(`${STORY}/reports`).send(report('2025-11-21T09:00:00Z', [
      { statement: 'The ceasefire may not hold', attributedTo: 'Mitchell' },
      { statement: 'Talks will resume on Monday', attributedTo: 'Laura Mitchell' },
      { statement: 'The plan is flawed', attributedTo: 'analysts' },
    ])).expect(201);
    // Proposals come from the reactor that follows the log, after the answer.
    for (let tries = 0; tries < 100 && proposals.length === 0; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      proposals = (await api.http().get(`${STORY}/source-alias-proposals`).expect(200)).body.proposals;
    }
  });
  afterAll(() => api.close());

  it('proposes the surname for the only full name, never a generic plural, and merges certain spellings itself', async () => {
    expect(proposals).toEqual([
      expect.objectContaining({ alias: 'Mitchell', canonical: 'Dr. Laura Mitchell', rule: 'surname-of-unique-full-name', rules: expect.stringMatching(/^storyline-source-aliases /), status: 'proposed' }),
    ]);
    expect(proposals[0].evidenceFactIds).toHaveLength(2);
    const sources = (await api.http().get(`${STORY}/sources`).expect(200)).body.sources as { name: string; facts: unknown[] }[];
    expect(sources.find((source) => source.name === 'Dr. Laura Mitchell')?.facts).toHaveLength(2);
    expect(sources.map((source) => source.name)).toEqual(expect.arrayContaining(['Mitchell', 'critics', 'analysts']));
  });

  it('accepts once into a source alias, idempotently, refuses the other answer, and groups the ledger', async () => {
    const { proposalId } = proposals[0];
    const accepted = await api.http().post(`${STORY}/source-alias-proposals/${proposalId}/accept`).send({ reason: 'the same expert' }).expect(201);
    expect(accepted.body).toMatchObject({ proposalId, decision: 'accepted', sourceId: expect.any(String), changed: true });
    const again = await api.http().post(`${STORY}/source-alias-proposals/${proposalId}/accept`).send({ reason: 'the same expert', source: 'Nobody Registered' }).expect(200);
    expect(again.body).toMatchObject({ changed: false, sourceId: accepted.body.sourceId });
    const refused = await api.http().post(`${STORY}/source-alias-proposals/${proposalId}/reject`).send({ reason: 'changed my mind' }).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'PROPOSAL.RESOLVED', field: 'proposal' });
    expect((await api.http().get(`${STORY}/source-alias-proposals?status=accepted`).expect(200)).body.proposals.map((found: Proposal) => found.proposalId)).toEqual([proposalId]);
    const sources = (await api.http().get(`${STORY}/sources`).expect(200)).body.sources as { name: string; kind?: string; facts: unknown[] }[];
    expect(sources.find((source) => source.name === 'Dr. Laura Mitchell')).toMatchObject({ kind: 'person', facts: expect.any(Array) });
    expect(sources.find((source) => source.name === 'Dr. Laura Mitchell')!.facts).toHaveLength(3);
    expect(sources.map((source) => source.name)).not.toContain('Mitchell');
    const replay = (await api.http().get(`${STORY}/replay?state=none&limit=1000`).expect(200)).body.events as { type: string; data: { reason?: string }; metadata?: { actor?: string } }[];
    const resolved = replay.find((event) => event.type === 'SourceAliasProposalResolved')!;
    expect(resolved.data.reason).toBe('the same expert');
  });

  it('names bad input and unknown proposals', async () => {
    const unknown = await api.http().post(`${STORY}/source-alias-proposals/00000000-0000-4000-8000-000000000000/reject`).send({ reason: 'no' }).expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'PROPOSAL.NOT_FOUND', field: 'proposal' });
    expect((await api.http().post(`${STORY}/source-alias-proposals/nope/accept`).send({}).expect(400)).body.error.field).toBe('proposalId');
    expect((await api.http().post(`${STORY}/source-alias-proposals/${proposals[0].proposalId}/reject`).send({}).expect(400)).body.error.field).toBe('reason');
    expect((await api.http().get(`${STORY}/source-alias-proposals?status=maybe`).expect(400)).body.error.field).toBe('status');
    await api.http().get('/stories/no-such-story/source-alias-proposals').expect(404);
  });
});

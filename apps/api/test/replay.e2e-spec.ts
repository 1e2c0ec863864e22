import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyIdForSlug, storyStream } from '@storyline/story-events';
import { startApi, TEST_ADMIN_KEY, type ApiHarness } from './harness';

const report = (n: number) => ({
  outlet: `Outlet ${n}`,
  publishedAt: `2025-11-${10 + n}T00:00:00Z`,
  text: `Report number ${n} says a thing happened.`,
  facts: [{ statement: `Thing ${n} happened`, evidence: { quote: 'a thing happened' }, attributedTo: `Source ${n}` }],
});

interface Step {
  position: number;
  type: string;
  state?: { reports: number; facts: number; outlets: string[] };
}

/** Reads SSE messages from a live connection until `count` events arrived. */
async function readEvents(url: string, count: number, headers: Record<string, string> = {}): Promise<{ steps: Step[]; ids: string[]; close(): void; more(n: number): Promise<Step[]> }> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers }, signal: abort.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const steps: Step[] = [];
  const ids: string[] = [];
  const until = async (total: number): Promise<void> => {
    while (steps.length < total) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message);
        const id = /^id: (.*)$/m.exec(message);
        if (data) steps.push(JSON.parse(data[1]));
        if (id) ids.push(id[1]);
      }
    }
  };
  await until(count);
  return { steps, ids, close: () => abort.abort(), more: async (n) => (await until(steps.length + n), steps) };
}

describe('replaying a story', () => {
  let api: ApiHarness;
  let base: string;
  beforeAll(async () => {
    api = await startApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await api.http().post('/stories').send({ slug: 'replayed', title: 'Replayed' }).expect(201);
    for (const n of [1, 2, 3]) await api.http().post('/stories/replayed/reports').send(report(n)).expect(201);
  });
  afterAll(() => api.close());

  it('pages through the events in order with the state after each', async () => {
    const first = await api.http().get('/stories/replayed/replay?limit=4').expect(200);
    expect(first.body.events.map((step: Step) => step.type)).toEqual(['StoryOpened', 'ReportIngested', 'FactReported', 'ReportIngested']);
    expect(first.body.events[2].state).toMatchObject({ title: 'Replayed', reports: 1, facts: 1, outlets: ['Outlet 1'] });
    expect(first.body.events[0].metadata).toMatchObject({ actor: 'key:bootstrap', actorName: 'bootstrap admin', correlationId: expect.any(String), causationId: expect.any(String) });
    const second = await api.http().get(`/stories/replayed/replay?after=${first.body.next}&limit=100`).expect(200);
    expect(second.body.events.map((step: Step) => step.type)).toEqual(['FactReported', 'ReportIngested', 'FactReported']);
    expect(second.body.events[2].state).toMatchObject({ reports: 3, facts: 3 });
    expect(second.body.next).toBeNull();
    const positions = [...first.body.events, ...second.body.events].map((step: Step) => step.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(second.body.head).toBe(positions[positions.length - 1]);
  });

  it('gives the whole state or none on request, and refuses bad parameters', async () => {
    const steps = (await api.http().get('/stories/replayed/replay?state=none&limit=3').expect(200)).body.events as Step[];
    const full = await api.http().get(`/stories/replayed/replay?state=full&limit=1&after=${steps[1].position}`).expect(200);
    expect(full.body.events).toHaveLength(1);
    expect(full.body.events[0].state.facts).toEqual([expect.objectContaining({ statement: 'Thing 1 happened', attributedTo: 'Source 1', status: 'active' })]);
    const none = await api.http().get('/stories/replayed/replay?state=none&limit=1').expect(200);
    expect(none.body.events[0]).not.toHaveProperty('state');
    expect((await api.http().get('/stories/replayed/replay?limit=0').expect(400)).body.error.field).toBe('limit');
    expect((await api.http().get('/stories/replayed/replay?after=soon').expect(400)).body.error.field).toBe('after');
    expect((await api.http().get('/stories/replayed/replay?state=partial').expect(400)).body.error.field).toBe('state');
    // The whole state after every step of a page grows with story × page: one step at a time only.
    expect((await api.http().get('/stories/replayed/replay?state=full&limit=3').expect(400)).body.error).toMatchObject({ field: 'state', message: expect.stringContaining('limit=1') });
    expect((await api.http().get('/stories/replayed/replay?state=full').expect(400)).body.error.field).toBe('state');
    expect((await api.http().get('/stories/replayed/replay/stream?state=full').expect(400)).body.error.field).toBe('state');
    await api.http().get('/stories/not-there/replay').expect(404);
  });

  it('keeps each step of a page small however large the story grows', async () => {
    await api.http().post('/stories').send({ slug: 'grown', title: 'Grown' }).expect(201);
    const big = (n: number) => ({ ...report(n), facts: Array.from({ length: 200 }, (_, i) => ({ statement: `Fact ${n}.${i} happened at length ${'x'.repeat(200)}`, evidence: { quote: 'a thing happened' } })) });
    for (const n of [1, 2, 3]) await api.http().post('/stories/grown/reports').send(big(n)).expect(201);
    const page = await api.http().get('/stories/grown/replay?limit=1000').expect(200);
    const steps = page.body.events as (Step & { state: unknown })[];
    expect(steps.length).toBe(1 + 3 * 201);
    const stateSize = (step: { state: unknown }) => JSON.stringify(step.state).length;
    // The first fact's step and the 600th carry states of about the same size (counts, not facts).
    expect(stateSize(steps[steps.length - 1])).toBeLessThan(2 * stateSize(steps[2]));
    const full = await api.http().get(`/stories/grown/replay?state=full&limit=1&after=${steps[steps.length - 2].position}`).expect(200);
    expect(full.body.events[0].state.facts).toHaveLength(600);
  });

  it('streams the history as server-sent events, then follows new events live', async () => {
    const live = await readEvents(`${base}/stories/replayed/replay/stream`, 7);
    expect(live.steps.map((step) => step.type)).toEqual(['StoryOpened', 'ReportIngested', 'FactReported', 'ReportIngested', 'FactReported', 'ReportIngested', 'FactReported']);
    expect(live.ids).toEqual(live.steps.map((step) => String(step.position)));
    await api.http().post('/stories/replayed/reports').send(report(4)).expect(201);
    const after = await live.more(2);
    expect(after.slice(7).map((step) => step.type)).toEqual(['ReportIngested', 'FactReported']);
    expect(after[8].state).toMatchObject({ reports: 4, facts: 4 });
    live.close();
  });

  it('resumes from Last-Event-ID without repeating what was sent', async () => {
    const page = await api.http().get('/stories/replayed/replay?state=none').expect(200);
    const resumeAt = page.body.events[4].position;
    const resumed = await readEvents(`${base}/stories/replayed/replay/stream`, 4, { 'Last-Event-ID': String(resumeAt) });
    expect(resumed.steps.map((step) => step.position)).toEqual(page.body.events.slice(5).map((step: Step) => step.position));
    resumed.close();
  });

  it('reads a version-1 event stored raw in the current shape, and keeps deciding on it', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const stream = storyStream(storyIdForSlug('replayed'));
    const events = await store.readStream(stream);
    const v1 = { storyId: storyIdForSlug('replayed'), reportId: randomUUID(), outlet: 'Old Wire', publishedAt: '2025-11-01T00:00:00.000Z', headline: null, byline: null, dateline: null, url: null, text: 'Old text.', textSha256: 'not-checked' };
    await store.appendToStream(stream, [{ eventId: randomUUID(), type: 'ReportIngested', schemaVersion: 1, data: v1, metadata: { actor: 'test:raw', correlationId: 'raw', causationId: null } }], events[events.length - 1].streamRevision);
    const stored = await store.readStream(stream);
    expect(stored[stored.length - 1]).toMatchObject({ schemaVersion: 1, data: v1 });
    const page = await api.http().get('/stories/replayed/replay?state=none').expect(200);
    const last = page.body.events[page.body.events.length - 1];
    expect(last).toMatchObject({ type: 'ReportIngested', schemaVersion: 2, data: { ...v1, language: null } });
    await api.http().post('/stories/replayed/reports').send(report(5)).expect(201);
  });
});

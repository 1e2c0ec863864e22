import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@storyline/database';
import { TestReceiver } from '@storyline/subscriptions/testing/test-receiver';
import request from 'supertest';
import { createStorylineApp } from '@storyline/server';
import { startApi, TEST_ADMIN_KEY, type ApiHarness } from './harness';

const SECRET = 'e2e-webhook-secret-0123456789';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) if (await check()) return;
  throw new Error('timed out waiting');
}

/** The first `count` SSE messages of a stream: their ids and data. */
async function readStream(url: string, count: number, headers: Record<string, string> = {}): Promise<{ ids: string[]; events: { type: string; position: number; metadata?: unknown }[] }> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers }, signal: abort.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ids: string[] = [];
  const events: { type: string; position: number }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(message);
      const id = /^id: (.*)$/m.exec(message);
      if (data) events.push(JSON.parse(data[1]));
      if (id) ids.push(id[1]);
    }
  }
  abort.abort();
  return { ids, events };
}

jest.setTimeout(60_000);

describe('following the log: feed, webhooks, metrics', () => {
  let api: ApiHarness;
  let base: string;
  let receiver: TestReceiver;
  let hookUrl: string;
  let readerKey: string;

  beforeAll(async () => {
    receiver = new TestReceiver(SECRET);
    hookUrl = await receiver.listen();
    api = await startApi({ STORYLINE_WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`, STORYLINE_WRITES_PER_MINUTE: '0' });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    readerKey = (await api.http().post('/keys').send({ name: 'feed reader', role: 'reader' }).expect(201)).body.secret;
    for (const slug of ['feed-one', 'feed-two']) await api.http().post('/stories').send({ slug, title: slug }).expect(201);
  });
  afterAll(async () => {
    await api.app.close().catch(() => undefined);
    await receiver.close();
    await api.db.drop();
  });

  it('pages the whole log in order, filtered by type and story, with metadata for auditors only', async () => {
    const all = (await api.http().get('/events?limit=1').expect(200)).body;
    expect(all.events).toHaveLength(1);
    expect(all.next).toBe(all.events[0].position);
    const rest = (await api.http().get(`/events?after=${all.next}`).expect(200)).body;
    expect(rest.next).toBeNull();
    const positions = [...all.events, ...rest.events].map((event: { position: number }) => event.position);
    expect(positions).toEqual(Array.from({ length: rest.head }, (_, index) => index + 1));
    expect(all.events[0]).toMatchObject({ eventId: expect.any(String), type: expect.any(String), recordedAt: expect.any(String), metadata: expect.objectContaining({ actor: expect.any(String) }) });

    const two = (await api.http().get('/events?story=feed-two').expect(200)).body.events;
    expect(two.length).toBeGreaterThan(0);
    expect(new Set(two.map((event: { story: string }) => event.story)).size).toBe(1);
    const opened = (await api.http().get('/events?types=StoryOpened').expect(200)).body.events;
    expect(opened.map((event: { type: string }) => event.type)).toEqual(['StoryOpened', 'StoryOpened']);
    const asReader = (await api.anonymous().get('/events').set('Authorization', `Bearer ${readerKey}`).expect(200)).body.events;
    expect(asReader[0]).not.toHaveProperty('metadata');
  });

  it.each([
    ['/events?after=-1', 'after'],
    ['/events?limit=0', 'limit'],
    ['/events?types=not-a-type', 'types[0]'],
    ['/events?story=no-such-story', 'story[0]'],
  ])('GET %s: 400 naming %s', async (path, field) => {
    const response = await api.http().get(path).expect(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION.INVALID', field });
  });

  it('streams the log as server-sent events, then live, resuming after Last-Event-ID', async () => {
    const head = (await api.http().get('/events?limit=1000').expect(200)).body.head as number;
    const first = await readStream(`${base}/events/stream`, head);
    expect(first.ids.map(Number)).toEqual(Array.from({ length: head }, (_, index) => index + 1));
    const live = readStream(`${base}/events/stream?types=StoryOpened`, 1, { 'Last-Event-ID': String(head) });
    await sleep(200);
    await api.http().post('/stories').send({ slug: 'feed-live', title: 'Live' }).expect(201);
    const { events } = await live;
    expect(events[0]).toMatchObject({ type: 'StoryOpened' });
    expect(events[0].position).toBeGreaterThan(head);
  });

  const badBodies: [string, Record<string, unknown>, string][] = [
    ['no url', { secret: SECRET }, 'url'],
    ['a file URL', { url: 'file:///etc/passwd', secret: SECRET }, 'url'],
    ['a host not allowed', { url: 'http://169.254.169.254/latest', secret: SECRET }, 'url'],
    ['a short secret', { url: 'HOOK', secret: 'short' }, 'secret'],
    ['types not a list', { url: 'HOOK', secret: SECRET, types: 'FactReported' }, 'types'],
    ['a bad type', { url: 'HOOK', secret: SECRET, types: ['fact reported'] }, 'types[0]'],
    ['an unknown story', { url: 'HOOK', secret: SECRET, stories: ['nope'] }, 'stories[0]'],
    ['a negative after', { url: 'HOOK', secret: SECRET, after: -3 }, 'after'],
    ['an unknown field', { url: 'HOOK', secret: SECRET, colour: 'red' }, 'colour'],
  ];
  it.each(badBodies)('POST /subscriptions with %s: 400 naming the field, nothing stored', async (_what, body, field) => {
    const before = await api.snapshot();
    const sent = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, value === 'HOOK' ? hookUrl : value]));
    const response = await api.http().post('/subscriptions').send(sent).expect(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION.INVALID', field });
    expect((await api.http().get('/subscriptions').expect(200)).body.subscriptions).toEqual([]);
    expect(await api.snapshot()).toBe(before);
  });

  it('delivers signed events to a webhook; pause, resume, status, metrics and delete', async () => {
    const created = (await api.http().post('/subscriptions').send({ url: hookUrl, secret: SECRET, stories: ['feed-one', 'feed-live'], types: ['StoryOpened', 'StoryRenamed'], after: 0 }).expect(201)).body;
    expect(created).toMatchObject({ url: hookUrl, status: 'active', checkpoint: 0, types: ['StoryOpened', 'StoryRenamed'] });
    expect(created).not.toHaveProperty('secret');
    await until(() => receiver.kept.length === 2);
    expect(receiver.kept.map((event) => event.body.type)).toEqual(['StoryOpened', 'StoryOpened']);
    expect(receiver.requests.every((event) => event.signed)).toBe(true);
    expect(receiver.kept[0].body.id).toBe(receiver.kept[0].eventId);

    const paused = (await api.http().post(`/subscriptions/${created.id}/pause`).expect(200)).body;
    expect(paused.status).toBe('paused');
    await until(async () => (await api.http().get(`/subscriptions/${created.id}`)).body.checkpoint === (await api.http().get('/events?limit=1')).body.head);
    const status = (await api.http().get(`/subscriptions/${created.id}`).expect(200)).body;
    expect(status).toMatchObject({ status: 'paused', lag: 0, attempts: 0, lastError: null, delivered: 2 });
    await api.http().post('/stories').send({ slug: 'feed-three', title: 'Three' }).expect(201);
    expect((await api.http().get(`/subscriptions/${created.id}`).expect(200)).body.lag).toBeGreaterThan(0);
    expect((await api.http().post(`/subscriptions/${created.id}/resume`).expect(200)).body.status).toBe('active');

    const metrics = (await api.anonymous().get('/metrics').expect(200)).text;
    expect(metrics).toContain(`storyline_webhook_lag_events{subscription="${created.id}"}`);
    expect(metrics).toMatch(/storyline_deliveries_leader 1/);

    expect((await api.http().get('/subscriptions').expect(200)).body.subscriptions.map((s: { id: string }) => s.id)).toEqual([created.id]);
    await api.http().delete(`/subscriptions/${created.id}`).expect(200);
    const gone = await api.http().get(`/subscriptions/${created.id}`).expect(404);
    expect(gone.body.error).toMatchObject({ code: 'SUBSCRIPTION.NOT_FOUND', field: 'id' });
    expect((await api.http().post('/subscriptions/not-an-id/pause').expect(400)).body.error.field).toBe('id');
  });

  it('survives an API restart without losing an event: it resumes from its checkpoint', async () => {
    const created = (await api.http().post('/subscriptions').send({ url: hookUrl, secret: SECRET, types: ['StoryOpened'] }).expect(201)).body;
    const keptBefore = receiver.kept.length;
    for (const n of [1, 2, 3]) await api.http().post('/stories').send({ slug: `before-restart-${n}`, title: `${n}` }).expect(201);
    await until(() => receiver.kept.length === keptBefore + 3);
    await api.app.close();

    // The log grows while no API delivers; the next one takes up from the stored checkpoint.
    const config = loadConfig({ STORYLINE_LOAD_EXAMPLE: 'false', STORYLINE_BOOTSTRAP_KEY: TEST_ADMIN_KEY, STORYLINE_WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}` });
    const writer: INestApplication = await createStorylineApp({ databaseUrl: api.db.url, config, logger: false, storage: { projector: 'inline' } });
    const admin = () => request.agent(writer.getHttpServer()).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    try {
      for (const n of [4, 5, 6]) await admin().post('/stories').send({ slug: `after-restart-${n}`, title: `${n}` }).expect(201);
      await until(() => receiver.kept.length === keptBefore + 6);
      const slugs = receiver.kept.slice(keptBefore).map((event) => (event.body.data as { slug: string }).slug);
      expect(slugs).toEqual(['before-restart-1', 'before-restart-2', 'before-restart-3', 'after-restart-4', 'after-restart-5', 'after-restart-6']);
      const head = (await admin().get('/events?limit=1').expect(200)).body.head;
      await until(async () => (await admin().get(`/subscriptions/${created.id}`)).body.checkpoint === head);
    } finally {
      await writer.close();
    }
  });
});

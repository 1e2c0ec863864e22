import { randomUUID } from 'node:crypto';
import { openLogFixture, type LogFixture } from '../testing/log-fixture';
import { TestReceiver, type Behaviour } from '../testing/test-receiver';
import type { DeliveryPolicy } from './delivery-policy';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookStore } from './webhook-store';

const SECRET = 'receiver-secret-0123456789';
const FAST: DeliveryPolicy = { timeoutMs: 300, attempts: 6, firstDelayMs: 20, maxDelayMs: 200, checkpointEveryMs: 50, refreshMs: 100 };
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(25)) if (await check()) return;
  throw new Error('timed out waiting');
}

jest.setTimeout(60_000);

describe('webhook delivery', () => {
  let log: LogFixture;
  let webhooks: WebhookStore;
  const receivers: TestReceiver[] = [];
  const deliverers: WebhookDeliverer[] = [];

  beforeAll(async () => {
    log = await openLogFixture('storyline_webhooks');
    webhooks = new WebhookStore(log.dataSource);
  });
  afterEach(async () => {
    await Promise.all(deliverers.splice(0).map((deliverer) => deliverer.stop()));
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(() => log.close());

  async function receiver(script?: (n: number) => Behaviour): Promise<[TestReceiver, string]> {
    const made = new TestReceiver(SECRET, script);
    receivers.push(made);
    return [made, await made.listen()];
  }

  function deliverer(policy: DeliveryPolicy = FAST): WebhookDeliverer {
    const made = new WebhookDeliverer(log.store, webhooks, policy, quiet);
    deliverers.push(made);
    return made;
  }

  async function subscribe(url: string, options: { types?: string[]; stories?: string[] } = {}): Promise<string> {
    const id = randomUUID();
    await webhooks.create({ id, url, types: options.types ?? null, stories: options.stories ?? null, secret: SECRET, checkpoint: await log.store.headPosition(), createdBy: 'test' });
    return id;
  }

  it('a receiver that fails, times out and recovers gets every event once, in order, signed', async () => {
    // Requests 2-3 fail, 5 hangs past the timeout (after taking the event), 8-9 fail: each is retried.
    const [hook, url] = await receiver((n) => ([2, 3, 8, 9].includes(n) ? 'fail' : n === 5 ? 'hang' : 'ok'));
    const story = randomUUID();
    await subscribe(url, { stories: [story] });
    await deliverer().start();
    const ids = await log.append(story, 12);
    await log.append(randomUUID(), 3); // another story: filtered out
    await until(() => hook.kept.length >= 12);
    await sleep(200);
    expect(hook.kept.map((event) => event.eventId)).toEqual(ids);
    expect(hook.requests.length).toBeGreaterThan(12); // the hung one came again
    expect(hook.requests.every((request) => request.signed)).toBe(true);
    const positions = hook.kept.map((event) => event.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('parks a subscription as failing after its attempts, with the error, and resumes from its checkpoint', async () => {
    let down = true;
    const [hook, url] = await receiver(() => (down ? 'fail' : 'ok'));
    const story = randomUUID();
    const id = await subscribe(url, { stories: [story] });
    await deliverer().start();
    const ids = await log.append(story, 3);
    await until(async () => (await webhooks.get(id))?.status === 'failing');
    const parked = (await webhooks.get(id))!;
    expect(parked).toMatchObject({ status: 'failing', attempts: FAST.attempts, lastError: 'the receiver answered 503' });
    expect(hook.kept).toEqual([]);
    down = false;
    await webhooks.setStatus(id, 'active');
    await until(() => hook.kept.length === 3);
    expect(hook.kept.map((event) => event.eventId)).toEqual(ids);
    await until(async () => (await webhooks.get(id))!.checkpoint === (await log.store.headPosition()));
    expect((await webhooks.get(id))!.attempts).toBe(0);
  });

  it('a slow receiver holds back only its own subscription', async () => {
    const [slow, slowUrl] = await receiver(() => 'hang');
    const [fast, fastUrl] = await receiver();
    const story = randomUUID();
    await subscribe(slowUrl, { stories: [story] });
    await subscribe(fastUrl, { stories: [story] });
    await deliverer({ ...FAST, timeoutMs: 5_000 }).start();
    const ids = await log.append(story, 5);
    await until(() => fast.kept.length === 5, 3_000);
    expect(fast.kept.map((event) => event.eventId)).toEqual(ids);
    expect(slow.kept.length).toBe(1);
  });

  it('resumes after a stop from the stored checkpoint: nothing lost, duplicates only by event id', async () => {
    const [hook, url] = await receiver();
    const story = randomUUID();
    const id = await subscribe(url, { types: ['FactReported'], stories: [story] });
    const first = deliverer();
    await first.start();
    const before = await log.append(story, 20);
    await log.append(story, 2, 'VerdictRecorded'); // not a type it asked for
    await until(() => hook.kept.length === 20);
    await first.stop();
    const after = await log.append(story, 20);
    await sleep(100);
    expect(hook.kept.length).toBe(20);
    await deliverer().start();
    await until(() => hook.kept.length === 40);
    expect(hook.kept.map((event) => event.eventId)).toEqual([...before, ...after]);
    await until(async () => (await webhooks.get(id))!.checkpoint === (await log.store.headPosition()));
    expect((await webhooks.get(id))!.delivered).toBeGreaterThanOrEqual(40);
  });
});

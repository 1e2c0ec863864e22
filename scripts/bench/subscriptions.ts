/**
 * `npm run bench:subscriptions`: how fast the log reaches other systems, on a throwaway
 * database of DATABASE_URL's server and the NATS server at NATS_URL (default
 * nats://127.0.0.1:4222; the JetStream figures are skipped, saying why, without one).
 *
 * 1. Keeping up: 8 writers append (each `--rate` events a second, default 5, one event per append, from another process)
 *    for `--seconds`; a webhook subscription on 127.0.0.1 and the JetStream publisher
 *    follow; latency = receipt time - the time the append was sent, p50/p99.
 * 2. Catching up: `--events` events already in the log (bulk stories); one new webhook
 *    subscription from position 0 to a receiver that answers at once, and the JetStream
 *    publisher from checkpoint 0: events handed on per second.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:subscriptions [-- --events 100000 --seconds 10 --rate 5]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { prepareDatabase } from '@storyline/host';
import {
  DEFAULT_DELIVERY_POLICY,
  DEFAULT_JETSTREAM_OPTIONS,
  FollowerCheckpoints,
  JetStreamPublisher,
  WebhookDeliverer,
  WebhookStore,
  signatureHeader,
  type JetStreamOptions,
} from '@storyline/subscriptions';
import { agentFor, postJson } from '@storyline/subscriptions/webhooks/http-post';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { NATS_TEST_URL, reachNats } from '@storyline/subscriptions/testing/nats';
import { DataSource } from 'typeorm';
import { loadBulkStories, numberOption, percentile, runScript, throwawayDatabase } from './common';

const SECRET = 'bench-webhook-secret-0123456789';
const quiet = { log: () => undefined, warn: (line: string) => console.warn(line), error: (line: string) => console.error(line) };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  readonly url: string;
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  readonly webhooks: WebhookStore;
  readonly checkpoints: FollowerCheckpoints;
  readonly nats: NatsConnection | null;
  readonly jetstream: JetStreamOptions | null;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(5)) if (await check()) return true;
  return false;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
const now = (): number => performance.timeOrigin + performance.now();

interface Receiver {
  readonly url: string;
  kept(): number;
  close(): Promise<void>;
}

/** The writers run in a process of their own (subscription-writers.ts): they stand for the API's clients. */
function runWriters(url: string, seconds: number, rate: number, sent: Map<string, number>): Promise<number> {
  const child = fork(join(__dirname, 'subscription-writers.ts'), [url, String(seconds), String(rate)], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let done: number | null = null;
    child.on('message', (message: { sent: [string, number][]; done?: number }) => {
      for (const [eventId, at] of message.sent) sent.set(eventId, at);
      if (message.done !== undefined) done = message.done;
    });
    child.once('exit', (code) => (done === null ? reject(new Error(`the writers stopped with code ${code}`)) : resolve(done)));
  });
}

/** The receiver runs in a process of its own (webhook-receiver.ts), as a real one would. */
async function startReceiver(onKept: (eventId: string, at: number) => void = () => undefined): Promise<Receiver> {
  const child = fork(join(__dirname, 'webhook-receiver.ts'), [SECRET], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let kept = 0;
  let unsigned = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: { port?: number; kept?: [string, number][]; unsigned?: number }) => {
      if (message.port) resolve(message.port);
      for (const [eventId, at] of message.kept ?? []) onKept(eventId, at);
      kept += message.kept?.length ?? 0;
      unsigned = message.unsigned ?? unsigned;
    });
  });
  return {
    url: `http://127.0.0.1:${port}/hook`,
    kept: () => kept,
    async close() {
      if (unsigned > 0) console.log(`  the receiver refused ${unsigned} requests whose signature did not verify`);
      child.disconnect();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function keepingUp(setup: Setup, seconds: number, rate: number): Promise<void> {
  const sent = new Map<string, number>();
  // Arrival times, matched with the writers' send times once all are in (IPC comes in batches).
  const webhookArrivals = new Map<string, number>();
  const brokerArrivals = new Map<string, number>();
  const receiver = await startReceiver((eventId, at) => webhookArrivals.set(eventId, at));
  const url = receiver.url;
  const id = randomUUID();
  await setup.webhooks.create({ id, url, types: null, stories: null, secret: SECRET, checkpoint: await setup.store.headPosition(), createdBy: 'bench' });
  const deliverer = new WebhookDeliverer(setup.store, setup.webhooks, DEFAULT_DELIVERY_POLICY, quiet);
  await deliverer.start();
  let publisher: JetStreamPublisher | null = null;
  if (setup.nats && setup.jetstream) {
    await setup.checkpoints.reset(setup.jetstream.checkpoint, await setup.store.headPosition());
    const subscription = setup.nats.subscribe(`${setup.jetstream.subjectPrefix}.>`, {
      callback: (_error, message) => {
        const id = message.headers?.get('Nats-Msg-Id');
        if (id && !brokerArrivals.has(id)) brokerArrivals.set(id, now());
      },
    });
    void subscription;
    publisher = new JetStreamPublisher(setup.jetstream, setup.store, setup.checkpoints, quiet);
    publisher.start();
    await sleep(500);
  }
  const appended = await runWriters(setup.url, seconds, rate, sent);
  const caughtUp = await until(() => receiver.kept() >= appended && (!publisher || brokerArrivals.size >= appended), 30_000);
  await deliverer.stop();
  await publisher?.stop();
  await receiver.close();
  await setup.webhooks.remove(id);
  const latencies = (arrivals: Map<string, number>): number[] => [...arrivals].map(([eventId, at]) => at - sent.get(eventId)!);
  const webhookLatency = latencies(webhookArrivals);
  const brokerLatency = latencies(brokerArrivals);
  console.log(`keeping up: 8 writers appended ${appended} events in ${seconds} s (${(appended / seconds).toFixed(0)}/s, one event per append, from another process)${caughtUp ? '' : ' — NOT all delivered within 30 s'}`);
  console.log(`  webhook on 127.0.0.1: ${webhookLatency.length} delivered, append-to-delivery p50 ${ms(percentile(webhookLatency, 50))}, p99 ${ms(percentile(webhookLatency, 99))}, max ${ms(Math.max(...webhookLatency))}`);
  if (publisher) console.log(`  JetStream: ${brokerLatency.length} received, append-to-delivery p50 ${ms(percentile(brokerLatency, 50))}, p99 ${ms(percentile(brokerLatency, 99))}, max ${ms(Math.max(...brokerLatency))}`);
}

/**
 * What the machine allows without Storyline: one keep-alive POST after another, as a
 * subscription sends them, signed, to the same receiver for two seconds.
 */
async function roundTrips(): Promise<void> {
  const receiver = await startReceiver();
  const agent = agentFor(receiver.url);
  const body = JSON.stringify({ id: randomUUID(), type: 'FactReported', data: { n: 0 }, padding: 'x'.repeat(300) });
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < 2_000) {
    await postJson(receiver.url, body, { 'Storyline-Signature': signatureHeader(SECRET, body), 'Storyline-Event-Id': 'baseline' }, { agent, timeoutMs: 10_000 });
    count += 1;
  }
  agent.destroy();
  await receiver.close();
  console.log(`baseline: ${(count / ((performance.now() - started) / 1000)).toFixed(0)} sequential POSTs/s to the receiver process (no Storyline; what one subscription can reach on this machine now)`);
}

async function catchingUp(setup: Setup, events: number): Promise<void> {
  const started = performance.now();
  const loaded = await loadBulkStories(setup.store, events, console.log);
  const head = await setup.store.headPosition();
  console.log(`catching up: ${loaded} events loaded in ${((performance.now() - started) / 1000).toFixed(1)} s (head ${head})`);

  const receiver = await startReceiver();
  const url = receiver.url;
  const id = randomUUID();
  await setup.webhooks.create({ id, url, types: null, stories: null, secret: SECRET, checkpoint: 0n, createdBy: 'bench' });
  const deliverer = new WebhookDeliverer(setup.store, setup.webhooks, DEFAULT_DELIVERY_POLICY, quiet);
  const webhookStart = performance.now();
  await deliverer.start();
  await until(async () => receiver.kept() >= Number(head), 600_000);
  const webhookSeconds = (performance.now() - webhookStart) / 1000;
  await deliverer.stop();
  await receiver.close();
  console.log(`  webhook (answers at once): ${receiver.kept()} events in ${webhookSeconds.toFixed(1)} s = ${(receiver.kept() / webhookSeconds).toFixed(0)} deliveries/s`);

  if (!setup.jetstream) return;
  await setup.checkpoints.reset(setup.jetstream.checkpoint, 0n);
  const publisher = new JetStreamPublisher(setup.jetstream, setup.store, setup.checkpoints, quiet);
  const brokerStart = performance.now();
  publisher.start();
  await until(async () => publisher.status.published >= Number(head), 600_000);
  const brokerSeconds = (performance.now() - brokerStart) / 1000;
  await publisher.stop();
  console.log(`  JetStream: ${publisher.status.published} events acknowledged in ${brokerSeconds.toFixed(1)} s = ${(publisher.status.published / brokerSeconds).toFixed(0)} events/s`);
}

runScript(async () => {
  const argv = process.argv.slice(2);
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('set DATABASE_URL to a PostgreSQL server (a throwaway database is made on it)');
  const events = numberOption(argv, '--events', 100_000);
  const seconds = numberOption(argv, '--seconds', 10);
  const rate = numberOption(argv, '--rate', 5);
  console.log(`${new Date().toISOString()}  ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const db = await throwawayDatabase(server, 'subscriptions');
  const reached = await reachNats();
  const nats = typeof reached === 'string' ? null : reached;
  if (typeof reached === 'string') console.log(`JetStream figures skipped: ${reached}`);
  const tag = randomBytes(3).toString('hex');
  const jetstream = nats ? { ...DEFAULT_JETSTREAM_OPTIONS, natsUrl: NATS_TEST_URL, stream: `STORYLINE_BENCH_${tag}`, subjectPrefix: `storyline_bench_${tag}`, checkpoint: `bench-${tag}` } : null;
  try {
    await prepareDatabase(db.url);
    const store = new PostgresEventStore({ connectionString: db.url, pollIntervalMs: 1000 });
    const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    const setup: Setup = { url: db.url, store, dataSource, webhooks: new WebhookStore(dataSource), checkpoints: new FollowerCheckpoints(dataSource), nats, jetstream };
    try {
      await roundTrips();
      await keepingUp(setup, seconds, rate);
      await catchingUp(setup, events);
    } finally {
      await store.close();
      await dataSource.destroy();
    }
  } finally {
    if (nats && jetstream) {
      await (await jetstreamManager(nats)).streams.delete(jetstream.stream).catch(() => undefined);
      await nats.close();
    }
    await db.drop();
  }
});

/**
 * `npm run bench:decide`: what one ingest command costs on the write side as its story grows.
 * Ingests N structured reports (F facts each) into one story on PostgreSQL (DATABASE_URL's
 * server, or the embedded one) through the write side's StreamDecider, and prints the
 * per-command p50 and the events read per command for the first and the last 100, once with
 * the decider's cache (one decider, as the API runs it) and once folding the whole stream for
 * every command (a fresh decider each time, as before the cache). No read models, no HTTP.
 *
 *   npm run bench:decide [-- --reports 1000] [-- --facts 20]
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createTestDatabase, runMigrations } from '@storyline/database';
import type { EventStore, ReadStreamOptions, StoredEvent } from '@storyline/event-store';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { newId, storyStream, type StoryEvent } from '@storyline/story-events';
import { decideIngestReport, decideOpenStory, parseReport, StreamDecider, storyFold, submissionFingerprint, type Decide, type StoryState } from '@storyline/timeline';

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};

const context = () => ({ actor: 'bench', correlationId: newId(), commandId: newId(), idempotencyKey: null, expectedRevision: null });

/** A decider as the step the StreamDecider runs (what the handlers' runCommand does). */
const step =
  <Command, Outcome>(decide: Decide<StoryState, Command, StoryEvent, Outcome>, command: Command) =>
  (state: StoryState) => ({ events: decide(state, command, { idempotencyKey: null, newId }).events, result: () => null });

function counting(store: EventStore): EventStore & { read: number } {
  const counted = Object.create(store) as EventStore & { read: number };
  counted.read = 0;
  counted.readStream = async (streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> => {
    const events = await store.readStream(streamId, options);
    counted.read += events.length;
    return events;
  };
  return counted;
}

async function run(store: EventStore & { read: number }, reports: number, facts: number, cached: boolean) {
  const storyId = newId();
  const stream = storyStream(storyId);
  const shared = new StreamDecider(store);
  const decider = () => (cached ? shared : new StreamDecider(store));
  await decider().decide(stream, storyFold, context(), step(decideOpenStory, { storyId, slug: 'bench', title: 'Bench' }));
  const times: number[] = [];
  const reads: number[] = [];
  for (let n = 0; n < reports; n++) {
    const statements = Array.from({ length: facts }, (_, i) => `Official ${n}-${i} said the envoy met the minister in Vienna on day ${i}.`);
    const text = statements.join(' ');
    const report = parseReport({ outlet: `Outlet ${n % 7}`, publishedAt: '2025-11-20', text, facts: statements.map((statement) => ({ statement, evidence: { quote: statement } })) });
    const command = { storyId, report, fingerprint: submissionFingerprint(report) };
    const readBefore = store.read;
    const started = performance.now();
    await decider().decide(stream, storyFold, context(), step(decideIngestReport, command));
    times.push(performance.now() - started);
    reads.push(store.read - readBefore);
  }
  return { times, reads };
}

const p50 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const reports = option('reports', 1000);
  const facts = option('facts', 20);
  const database = await createTestDatabase('storyline_bench_decide');
  try {
    await runMigrations(database.url, EVENT_STORE_MIGRATIONS);
    const store = counting(new PostgresEventStore({ connectionString: database.url }));
    console.log(`${reports} reports of ${facts} facts into one story (${reports * (facts + 1) + 1} events)`);
    for (const cached of [true, false]) {
      const { times, reads } = await run(store, reports, facts, cached);
      const first = times.slice(0, 100);
      const last = times.slice(-100);
      console.log(
        `${cached ? 'cached fold + tail  ' : 'whole stream per cmd'}: p50 first 100 ${p50(first).toFixed(2)} ms, last 100 ${p50(last).toFixed(2)} ms` +
          ` (x${(p50(last) / p50(first)).toFixed(2)}); events read per command, last 100: p50 ${p50(reads.slice(-100))}`,
      );
    }
    await store.close();
  } finally {
    await database.drop();
  }
}

void main();

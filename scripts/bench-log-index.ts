/**
 * What the log index costs, without KurrentDB: the IndexedEventStore over the in-memory
 * native log with KurrentDB-like positions, its index in PostgreSQL (a throwaway database on
 * DATABASE_URL's server). Prints appends through the index (concurrent writers), indexing an
 * existing native log from scratch, and reading the whole log back through the index.
 * The native store here answers in microseconds; a KurrentDB's round trips come on top.
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register scripts/bench-log-index.ts [--events N]
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTestDatabase, runMigrations } from '@storyline/database';
import type { NewEvent } from '@storyline/event-store';
import { IndexedEventStore, LOG_INDEX_MIGRATIONS } from '@storyline/event-store/indexed';
import { SparsePositionStore } from '@storyline/event-store/testing/sparse-position-store';

const WRITERS = 8;
const EVENTS_PER_APPEND = 3;

const event = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'FactReported',
  schemaVersion: 1,
  data: { statement: `Fact ${n}: the envoy met the minister in Vienna`, modality: 'reportedly', attributedTo: 'officials' },
  metadata: { actor: 'key:bench', correlationId: randomUUID(), causationId: null },
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const index = process.argv.indexOf('--events');
  const events = index < 0 ? 6000 : Number(process.argv[index + 1]);
  const native = new SparsePositionStore();
  const first = await createTestDatabase('bench_log_index');
  const second = await createTestDatabase('bench_log_index');
  try {
    await Promise.all([runMigrations(first.url, LOG_INDEX_MIGRATIONS), runMigrations(second.url, LOG_INDEX_MIGRATIONS)]);
    const store = new IndexedEventStore({ native, closeNative: false, database: first.url });
    const appends = Math.ceil(events / EVENTS_PER_APPEND);
    let next = 0;
    const writer = async (w: number): Promise<void> => {
      for (let n = next++; n < appends; n = next++) await store.appendToStream(`story-${w}-${n % 20}`, [0, 1, 2].map((i) => event(n * 3 + i)), 'any');
    };
    const appended = await timed(() => Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))));
    const stored = Number(await store.headPosition());
    console.log(`appends through the index: ${stored} events in ${appended.seconds.toFixed(2)} s = ${Math.round(stored / appended.seconds)} events/s (${WRITERS} writers, ${EVENTS_PER_APPEND} events an append)`);

    const read = await timed(async () => {
      let after = 0n;
      let count = 0;
      for (let batch = await store.readAll({ after, maxCount: 500 }); batch.length > 0; batch = await store.readAll({ after, maxCount: 500 })) {
        count += batch.length;
        after = batch[batch.length - 1].position;
      }
      return count;
    });
    console.log(`reading the log through the index: ${read.result} events in ${read.seconds.toFixed(2)} s = ${Math.round(read.result / read.seconds)} events/s (batches of 500)`);
    await store.close();

    const fresh = new IndexedEventStore({ native, closeNative: false, database: second.url });
    const indexed = await timed(() => fresh.headPosition());
    console.log(`indexing an existing native log from scratch: ${indexed.result} events in ${indexed.seconds.toFixed(2)} s = ${Math.round(Number(indexed.result) / indexed.seconds)} events/s`);
    await fresh.close();
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); PostgreSQL at ${new URL(first.url).host}`);
  } finally {
    await native.close();
    await Promise.all([first.drop(), second.drop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

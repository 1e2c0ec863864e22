/**
 * What the hash chain costs an append on PostgreSQL: the event store as it is now (chain and
 * appender role; then also the audit log's indexes) against a baseline copy of the store from
 * before the chain, on fresh databases of one server, rounds rotating who goes first. Prints Markdown.
 *
 *   git archive <commit before the chain> libs/event-store | tar -x -C /tmp/storyline-baseline
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test NODE_PATH=$PWD/node_modules TS_NODE_PROJECT=tsconfig.json \
 *     node -r @swc-node/register scripts/bench-append.ts --baseline /tmp/storyline-baseline [--rounds 3]
 *
 * Without --baseline only the current store and the hashing itself are measured.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createTestDatabase, runMigrations, type MigrationClass } from '../libs/database/src';
import type { EventStore, NewEvent } from '../libs/event-store/src';
import { AddAuditIndexes1764700000002, chainHash, EVENT_STORE_MIGRATIONS, GENESIS_HASH, PostgresEventStore } from '../libs/event-store/src/postgres';

interface Contender {
  readonly label: string;
  readonly migrations: readonly MigrationClass[];
  open(url: string): EventStore;
}

interface Workload {
  readonly name: string;
  readonly unit: string;
  run(store: EventStore): Promise<number>;
}

const metadata = { actor: 'key:bench', correlationId: randomUUID(), causationId: randomUUID(), idempotencyKey: null };

/** About the size of a FactReported event the extractor writes (~700 bytes of JSON). */
function factEvent(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'FactReported',
    schemaVersion: 2,
    metadata,
    data: {
      storyId: '0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b',
      reportId: randomUUID(),
      factId: randomUUID(),
      statement: `Witkoff held back-channel talks with Ukrainian officials (${n}), according to Politico`,
      evidence: { start: 120 + n, end: 220 + n },
      attributedTo: 'Politico',
      modality: 'reportedly',
      occurred: { from: '2025-11-01T00:00:00.000Z', to: '2025-11-20T00:00:00.000Z', precision: 'fuzzy' },
      entities: [{ text: 'Witkoff', kind: 'person', start: 0, end: 7 }, { text: 'Politico', kind: 'organisation', start: 80, end: 88 }],
      attribution: { source: { text: 'Politico', start: 80, end: 88 }, cue: { text: 'according to', start: 67, end: 79 } },
    },
  };
}

const events = (count: number, from = 0): NewEvent[] => Array.from({ length: count }, (_, i) => factEvent(from + i));

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const WORKLOADS: readonly Workload[] = [
  {
    name: 'one event per append, one append at a time (1,000 appends)',
    unit: 'ms per append',
    run: async (store) => (await timed(async () => {
      for (let n = 0; n < 1000; n++) await store.appendToStream('story-sequential', events(1, n), 'any');
    })) / 1000,
  },
  {
    name: '3 events per append, 32 concurrent writers (3,072 appends)',
    unit: 'events/s',
    run: async (store) => {
      const ms = await timed(async () => {
        await Promise.all(Array.from({ length: 32 }, async (_, lane) => {
          for (let n = 0; n < 96; n++) await store.appendToStream(`story-lane-${lane}`, events(3, n * 3), 'any');
        }));
      });
      return (32 * 96 * 3) / (ms / 1000);
    },
  },
  {
    name: '250 events per append, one append at a time (40 appends)',
    unit: 'events/s',
    run: async (store) => 10_000 / ((await timed(async () => {
      for (let n = 0; n < 40; n++) await store.appendToStream(`story-bulk-${n}`, events(250, n * 250), 'no_stream');
    })) / 1000),
  },
];

function contenders(baselineDir: string | null): Contender[] {
  const open = (url: string) => new PostgresEventStore({ connectionString: url });
  const withoutIndexes = EVENT_STORE_MIGRATIONS.filter((migration) => migration !== AddAuditIndexes1764700000002);
  const current: Contender[] = [
    { label: 'hash chain', migrations: withoutIndexes, open },
    { label: 'hash chain + audit indexes', migrations: EVENT_STORE_MIGRATIONS, open },
  ];
  if (!baselineDir) return current;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const baseline = require(resolve(baselineDir, 'libs/event-store/src/postgres')) as typeof import('../libs/event-store/src/postgres');
  return [
    { label: 'no chain (baseline)', migrations: baseline.EVENT_STORE_MIGRATIONS, open: (url) => new baseline.PostgresEventStore({ connectionString: url }) },
    ...current,
  ];
}

async function measure(contender: Contender, workload: Workload): Promise<number> {
  const database = await createTestDatabase('bench_append');
  try {
    await runMigrations(database.url, contender.migrations);
    const store = contender.open(database.url);
    try {
      await store.appendToStream('story-warm-up', events(50), 'any');
      return await workload.run(store);
    } finally {
      await store.close();
    }
  } finally {
    await database.drop();
  }
}

/** The hashing alone, as the append path does it: parse the stored JSON, canonicalise, SHA-256. */
function hashingMicroseconds(): number {
  const rows = events(2000).map((event, n) => ({ position: String(n + 1), data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata), eventId: event.eventId }));
  const hashAll = () => {
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      prevHash = chainHash(prevHash, {
        position: row.position, eventId: row.eventId, streamId: 'story-bench', streamRevision: row.position, type: 'FactReported', schemaVersion: 2,
        recordedAt: '2026-11-22T09:30:00.123456Z', data: JSON.parse(row.data), metadata: JSON.parse(row.metadata),
      });
    }
  };
  hashAll();
  const runs = [1, 2, 3, 4, 5].map(() => {
    const started = process.hrtime.bigint();
    hashAll();
    return Number(process.hrtime.bigint() - started) / 1e3 / rows.length;
  });
  return median(runs);
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figure = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(2));

function option(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

async function main(): Promise<void> {
  const rounds = Number(option('--rounds') ?? 3);
  const all = contenders(option('--baseline'));
  const results = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const workload of WORKLOADS) {
      // Rotate who goes first, so drift in the machine's load does not favour one.
      const order = all.map((_, index) => all[(index + round) % all.length]);
      for (const contender of order) {
        const key = `${workload.name}|${contender.label}`;
        results.set(key, [...(results.get(key) ?? []), await measure(contender, workload)]);
        process.stderr.write(`round ${round + 1}/${rounds}: ${contender.label}: ${workload.name}\n`);
      }
    }
  }
  console.log(`| workload | ${all.map((contender) => contender.label).join(' | ')} | unit |`);
  console.log(`| --- | ${all.map(() => '---:').join(' | ')} | --- |`);
  for (const workload of WORKLOADS) {
    const cells = all.map((contender) => figure(median(results.get(`${workload.name}|${contender.label}`)!)));
    console.log(`| ${workload.name} | ${cells.join(' | ')} | ${workload.unit}, median of ${rounds} |`);
  }
  console.log(`\nHashing alone (parse stored JSON, canonicalise, SHA-256), ~700-byte event: ${hashingMicroseconds().toFixed(1)} µs per event`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Rebuild throughput: appends a story workload of N events (default 100 000) to a fresh
 * database, then rebuilds every projection from position 0 beside the (empty) live tables
 * and prints events/s and peak memory.
 *
 *   npm run bench:rebuild -- [--events N] [--page-size P] [--batch-size B]
 *
 * The database is a throwaway one on DATABASE_URL's server when it is set, else an embedded
 * PostgreSQL in a temporary directory; either way it is dropped afterwards.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runMigrations, startEmbeddedPostgres } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { DEFAULT_REBUILD_TUNING, PROJECTION_ENTITIES, PROJECTION_MIGRATIONS, Rebuilds, storylineProjections, type RebuildSnapshot } from '@storyline/projections';
import { writeWorkload } from '@storyline/projections/testing/story-workload';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

interface Options {
  readonly events: number;
  readonly pageSize: number;
  readonly batchSize: number;
}

/** Parallel writers: each appends its own stories, so the log interleaves them. */
const WRITERS = 4;
const STORIES_PER_WRITER = 10;
const FACTS_PER_REPORT = 6;

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const index = argv.indexOf(flag);
    if (index < 0) return fallback;
    const parsed = Number(argv[index + 1]);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive whole number, got ${argv[index + 1]}`);
    return parsed;
  };
  return {
    events: value('--events', 100_000),
    pageSize: value('--page-size', DEFAULT_REBUILD_TUNING.pageSize),
    batchSize: value('--batch-size', DEFAULT_REBUILD_TUNING.batchSize),
  };
}

/** A database to throw away: on DATABASE_URL's server, or on an embedded server of its own. */
async function throwawayDatabase(): Promise<{ url: string; where: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'storyline-bench-')), persistent: false, database: 'storyline_bench' });
    return { url: embedded.url, where: 'embedded PostgreSQL', drop: () => embedded.stop() };
  }
  const name = `storyline_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), where: `PostgreSQL at ${url.host}`, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Appends about `events` events (the revisions the workload adds make it somewhat more):
 * reports of six facts, outlets spelled several ways, amendments, corrections, links,
 * verdicts, and aliases registered midway.
 */
async function appendWorkload(store: PostgresEventStore, events: number): Promise<number> {
  const perReport = 1 + FACTS_PER_REPORT;
  const reportsPerStory = Math.max(1, Math.round(events / WRITERS / STORIES_PER_WRITER / perReport));
  const written = await Promise.all(
    Array.from({ length: WRITERS }, (_, writer) =>
      writeWorkload(store, { stories: STORIES_PER_WRITER, reportsPerStory, factsPerReport: FACTS_PER_REPORT, pauseMs: 0, seed: 1000 + writer }),
    ),
  );
  return written.reduce((sum, count) => sum + count, 0);
}

/** Samples the resident set size, to report the peak over a phase. */
function rssSampler(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function rebuildAll(dataSource: DataSource, store: PostgresEventStore, options: Options): Promise<{ done: RebuildSnapshot; seconds: number; peakRss: number }> {
  const tuning = { pageSize: options.pageSize, batchSize: options.batchSize };
  const logger = { log: (line: string) => process.stderr.write(`  ${line}\n`), warn: console.warn, error: console.error };
  const rebuilds = new Rebuilds({ dataSource, eventStore: store, projections: storylineProjections, tuning, logger });
  const rss = rssSampler();
  const started = performance.now();
  const rebuild = await rebuilds.start();
  let lastLine = 0;
  rebuild.onProgress((snapshot) => {
    if (performance.now() - lastLine < 2000) return;
    lastLine = performance.now();
    process.stderr.write(`  ${snapshot.state}: ${snapshot.position}/${snapshot.head} (${snapshot.percent}%), ${snapshot.eventsPerSecond} events/s, ETA ${snapshot.etaSeconds ?? '?'} s\n`);
  });
  const done = await rebuild.finished;
  const seconds = (performance.now() - started) / 1000;
  rss.stop();
  return { done, seconds, peakRss: rss.peak() };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const database = await throwawayDatabase();
  const store = new PostgresEventStore({ connectionString: database.url });
  let dataSource: DataSource | null = null;
  try {
    await runMigrations(database.url, [...EVENT_STORE_MIGRATIONS, ...PROJECTION_MIGRATIONS]);
    dataSource = await new DataSource({ type: 'postgres', url: database.url, entities: PROJECTION_ENTITIES, logging: false }).initialize();
    const [{ server_version: version }]: { server_version: string }[] = await dataSource.query('SHOW server_version');
    console.log(`bench:rebuild on ${database.where} ${version}; node ${process.version}, ${cpus().length} cores, ${mib(totalmem())} RAM`);
    const writeStarted = performance.now();
    await appendWorkload(store, options.events);
    console.log(`appended ${await store.headPosition()} events in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`);
    const projections = storylineProjections().map((projection) => projection.name);
    console.log(`rebuilding ${projections.join(', ')} from position 0 (pages of ${options.pageSize}, then batches of ${options.batchSize})`);
    const { done, seconds, peakRss } = await rebuildAll(dataSource, store, options);
    if (done.state !== 'done') throw new Error(`the rebuild failed: ${done.error}`);
    console.log(`rebuilt ${done.position} events in ${seconds.toFixed(1)} s: ${Math.round(done.position / seconds)} events/s`);
    console.log(`peak RSS during the rebuild ${mib(peakRss)}; process maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    await dataSource?.destroy();
    await store.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

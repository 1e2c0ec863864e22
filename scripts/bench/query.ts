/**
 * Query latency under load: autocannon (50 connections) against one story's timeline and
 * its as-of timeline, served by the in-process API from a database of N stored events, with
 * the view cache on (the default) and off.
 *
 *   node -r @swc-node/register scripts/bench/query.ts --url <database url> [--load N] [--seconds 10]
 *
 * With --load the bulk stories are appended first; without it the database is used as it is
 * (the rebuild bench leaves one with its read models built).
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runMigrations } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { Client } from 'pg';
import { startBenchApp, waitForProjections } from './app';
import { BENCH_PACKAGES, loadBulkStories, numberOption, reportResult, runScript, stringOption } from './common';

const CONNECTIONS = 50;

interface Latency {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

/** autocannon in a process of its own, so it does not share the app's event loop. */
async function autocannon(url: string, key: string, seconds: number): Promise<Latency> {
  const bin = join(BENCH_PACKAGES, 'autocannon', 'autocannon.js');
  const { stdout } = await promisify(execFile)(process.execPath, [bin, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', '-H', `authorization=Bearer ${key}`, url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(stdout);
  return { requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

async function storedEvents(url: string): Promise<{ events: number; slug: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const head = await client.query('SELECT count(*)::int AS n FROM events');
    // Every bulk story has the same shape; the first by slug stands for them all.
    const story = await client.query('SELECT slug FROM stories ORDER BY slug LIMIT 1');
    return { events: head.rows[0].n, slug: story.rows[0].slug };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const url = stringOption(argv, '--url');
  const seconds = numberOption(argv, '--seconds', 10);
  if (argv.includes('--load')) {
    await runMigrations(url, EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore({ connectionString: url });
    await loadBulkStories(store, numberOption(argv, '--load', 10_000)).finally(() => store.close());
  }
  const cached = await measure(url, seconds, {});
  const uncached = await measure(url, seconds, { STORYLINE_VIEW_CACHE: '0' });
  const { events, slug, entries, asOfEntries } = cached;
  console.log(`${events} events stored; story ${slug}: ${entries} timeline entries, ${asOfEntries} as of 2025-11-05`);
  reportResult({ events, entries, asOfEntries, timeline: cached.timeline, asOf: cached.asOf, uncached: { timeline: uncached.timeline, asOf: uncached.asOf } });
}

interface Measured {
  readonly events: number;
  readonly slug: string;
  readonly entries: number;
  readonly asOfEntries: number;
  readonly timeline: Latency;
  readonly asOf: Latency;
}

/** The timeline and the as-of timeline under load, from an API started with `env` (which migrates a fresh database). */
async function measure(url: string, seconds: number, env: Record<string, string>): Promise<Measured> {
  const app = await startBenchApp(url, env);
  try {
    await waitForProjections(url);
    const { events, slug } = await storedEvents(url);
    const timelinePath = `/stories/${slug}/timeline?order=reported`;
    const asOfPath = `/stories/${slug}/timeline?asOf=2025-11-05&clock=reported`;
    // The timeline answers in pages (default 1000 entries): `total` is the whole view's size.
    const entries = (await app.call(timelinePath)).total;
    const asOfEntries = (await app.call(asOfPath)).total;
    const label = env.STORYLINE_VIEW_CACHE === '0' ? 'view cache off' : 'view cache on';
    const timeline = await autocannon(`${app.baseUrl}${timelinePath}`, app.key, seconds);
    console.log(`timeline (${label}): ${timeline.requestsPerSecond} req/s, p50 ${timeline.p50} ms, p99 ${timeline.p99} ms, non-2xx ${timeline.non2xx}`);
    const asOf = await autocannon(`${app.baseUrl}${asOfPath}`, app.key, seconds);
    console.log(`as-of timeline (${label}): ${asOf.requestsPerSecond} req/s, p50 ${asOf.p50} ms, p99 ${asOf.p99} ms, non-2xx ${asOf.non2xx}`);
    return { events, slug, entries, asOfEntries, timeline, asOf };
  } finally {
    await app.close();
  }
}

runScript(main);

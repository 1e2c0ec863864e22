/**
 * Shared by the `npm run bench` scripts: options, throwaway databases on one server, the
 * event mix every phase loads, and how a child script hands its figures to the runner.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { EventStore } from '@storyline/event-store';
import { writeBulkStories } from '@storyline/projections/testing/bulk-stories';
import { Client } from 'pg';

export const REPO = resolve(__dirname, '..', '..');
/** Emmett and autocannon live in their own package (Emmett wants commander 12; the project has 15). */
export const BENCH_PACKAGES = join(REPO, 'bench', 'emmett', 'node_modules');

/** `--name value` as a number, or the fallback. */
export function numberOption(argv: readonly string[], flag: string, fallback: number): number {
  const index = argv.indexOf(flag);
  if (index < 0) return fallback;
  const parsed = Number(argv[index + 1]);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive number, got ${argv[index + 1]}`);
  return parsed;
}

export function stringOption(argv: readonly string[], flag: string): string {
  const index = argv.indexOf(flag);
  if (index < 0 || !argv[index + 1]) throw new Error(`${flag} is required`);
  return argv[index + 1];
}

/** One statement on its own connection: for setting up and reading back a bench's database. */
export async function queryOnce<T extends object = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return (await client.query(sql).finally(() => client.end())).rows as T[];
}

/** A fresh database on the server, named after what it is for; `drop` removes it. */
export async function throwawayDatabase(serverUrl: string, purpose: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${purpose}_${randomBytes(3).toString('hex')}`;
  await queryOnce(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => void (await queryOnce(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/** Each bulk story: a StoryOpened, then 20 reports of 6 facts with 3-4 revisions each (about 220 events). */
export const BULK_SHAPE = { reportsPerStory: 20, factsPerReport: 6 } as const;
const EVENTS_PER_STORY = 1 + BULK_SHAPE.reportsPerStory * (1 + BULK_SHAPE.factsPerReport + 4) - 1;

/**
 * Appends about `events` events as bulk stories (one append per story), 16 stories at a
 * time so group commit batches them. Answers the number appended.
 */
export async function loadBulkStories(store: EventStore, events: number, log: (line: string) => void = () => undefined): Promise<number> {
  const stories = Math.max(1, Math.round(events / EVENTS_PER_STORY));
  const lanes = 16;
  let appended = 0;
  let lastLog = Date.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let story = lane; story < stories; story += lanes) {
        const written = await writeBulkStories(store, { stories: 1, ...BULK_SHAPE });
        appended += written;
        if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          log(`  loaded ${appended}/${stories * EVENTS_PER_STORY} events`);
        }
      }
    }),
  );
  return appended;
}

/** Samples the resident set size, to report the peak over a phase. */
export function rssSampler(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { peak: () => Math.max(peak, process.memoryUsage().rss), stop: () => clearInterval(timer) };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The last line a child prints, which the runner parses. */
export function reportResult(result: unknown): void {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

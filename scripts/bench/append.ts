/**
 * Append throughput with 1, 8 and 32 concurrent writers, each appending one small event
 * (about 300 bytes of JSON) at a time to its own stream with the expected revision:
 * Storyline's PostgresEventStore, Emmett's PostgreSQL event store, a bare multi-row
 * INSERT (1,000 rows a statement) into a copy of Storyline's events table, and `pgbench`
 * with as many connections as writers, each committing one single-row INSERT a transaction
 * (what one durable commit per event costs on this server; skipped when pgbench is absent).
 *
 *   node -r @swc-node/register scripts/bench/append.ts --server <url> [--seconds 10] [--writers 1,8,32]
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runMigrations } from '@storyline/database';
import { type NewEvent } from '@storyline/event-store';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { Pool } from 'pg';
import { BENCH_PACKAGES, numberOption, reportResult, runScript, stringOption, throwawayDatabase } from './common';

const WRITER_COUNTS = [1, 8, 32];
export const PGBENCH = 'pgbench, one single-row INSERT a transaction';
const ROWS_PER_INSERT = 1000;

/** One writer's loop: appends until the deadline, answers how many events it appended. */
type Writer = (writer: number, deadline: number) => Promise<number>;

interface System {
  readonly name: string;
  open(url: string): Promise<{ writer: Writer; close(): Promise<void> }>;
}

/** About 300 bytes once serialised, like a short FactVerified-sized event. */
function payload(writer: number, n: number): Record<string, unknown> {
  return {
    storyId: '0b0e5c7a-3d54-5f1e-8a2b-9c0d1e2f3a4b',
    factId: randomUUID(),
    statement: `Writer ${writer} reports statement ${n}: the envoy met officials in Miami.`,
    modality: 'reportedly',
    attributedTo: 'sources familiar with the discussions',
  };
}
const metadata = { actor: 'key:bench', correlationId: randomUUID(), causationId: null };

const storyline: System = {
  name: 'Storyline PostgresEventStore',
  async open(url) {
    await runMigrations(url, EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore({ connectionString: url, poolSize: 10 });
    const writer: Writer = async (id, deadline) => {
      const stream = `story-${randomUUID()}`;
      let expected: bigint | 'no_stream' = 'no_stream';
      let count = 0;
      while (performance.now() < deadline) {
        const event: NewEvent = { eventId: randomUUID(), type: 'BenchFactNoted', schemaVersion: 1, data: payload(id, count), metadata };
        expected = (await store.appendToStream(stream, [event], expected)).nextExpectedRevision;
        count++;
      }
      return count;
    };
    return { writer, close: () => store.close() };
  },
};

const emmett: System = {
  name: 'Emmett 0.42 getPostgreSQLEventStore',
  async open(url) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getPostgreSQLEventStore } = require(join(BENCH_PACKAGES, '@event-driven-io/emmett-postgresql'));
    const store = getPostgreSQLEventStore(url);
    // The first append creates Emmett's schema; done here so the writers do not race to create it.
    await store.appendToStream(`warmup-${randomUUID()}`, [{ type: 'BenchFactNoted', data: payload(0, 0) }], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' });
    const writer: Writer = async (id, deadline) => {
      const stream = `story-${randomUUID()}`;
      let expected: bigint | string = 'STREAM_DOES_NOT_EXIST';
      let count = 0;
      while (performance.now() < deadline) {
        const result: { nextExpectedStreamVersion: bigint } = await store.appendToStream(stream, [{ type: 'BenchFactNoted', data: payload(id, count), metadata }], { expectedStreamVersion: expected });
        expected = result.nextExpectedStreamVersion;
        count++;
      }
      return count;
    };
    return { writer, close: () => store.close() };
  },
};

const bareInsert: System = {
  name: `bare INSERT, ${ROWS_PER_INSERT} rows a statement`,
  async open(url) {
    await runMigrations(url, EVENT_STORE_MIGRATIONS);
    const pool = new Pool({ connectionString: url, max: 32 });
    // DROP DATABASE ... WITH (FORCE) may reach a connection that is still closing.
    pool.on('error', () => undefined);
    // The same columns, constraints and indexes as the log, without its triggers.
    await pool.query('CREATE TABLE reference_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    let nextPosition = 1;
    const writer: Writer = async (id, deadline) => {
      const stream = `story-${randomUUID()}`;
      let count = 0;
      while (performance.now() < deadline) {
        const first = nextPosition;
        nextPosition += ROWS_PER_INSERT;
        const rows = Array.from({ length: ROWS_PER_INSERT }, (_, index) => index);
        const data = rows.map((index) => JSON.stringify(payload(id, count + index)));
        const hashes = data.map((text) => createHash('sha256').update(text).digest('hex'));
        await pool.query(
          `INSERT INTO reference_events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
           SELECT $1::bigint + i, gen_random_uuid(), $2, $3::bigint + i, 'BenchFactNoted', 1, d::jsonb, $4::jsonb, clock_timestamp(), decode(h, 'hex'), decode(h, 'hex')
             FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS r(d, h, i)`,
          [first - 1, stream, count - 1, JSON.stringify(metadata), data, hashes],
        );
        count += ROWS_PER_INSERT;
      }
      return count;
    };
    return { writer, close: () => pool.end() };
  },
};

/** The pgbench binary, or null when it is not installed (PGBENCH may name it). */
function pgbenchBinary(): string | null {
  const binary = process.env.PGBENCH ?? 'pgbench';
  try {
    execFileSync(binary, ['--version'], { stdio: 'ignore' });
    return binary;
  } catch {
    return null;
  }
}

/**
 * pgbench's transactions/s with `writers` connections, each transaction one INSERT of the
 * same ~300-byte payload into a table with a bigserial key, committed durably (the server's
 * synchronous_commit, as for the event stores).
 */
async function measurePgbench(binary: string, server: string, writers: number, seconds: number): Promise<number> {
  const database = await throwawayDatabase(server, 'pgbench');
  try {
    const pool = new Pool({ connectionString: database.url, max: 1 });
    pool.on('error', () => undefined);
    await pool.query('CREATE TABLE single_rows (id bigserial PRIMARY KEY, data jsonb NOT NULL)').finally(() => pool.end());
    // Dollar-quoted: pgbench would read the payload's ":" as variables otherwise.
    const script = join(tmpdir(), `storyline-pgbench-${process.pid}.sql`);
    writeFileSync(script, `INSERT INTO single_rows (data) VALUES ($json$${JSON.stringify(payload(0, 0))}$json$::jsonb);\n`);
    const url = new URL(database.url);
    const output = execFileSync(
      binary,
      ['-n', '-M', 'prepared', '-f', script, '-c', String(writers), '-j', String(Math.min(writers, 2)), '-T', String(Math.max(1, Math.round(seconds))),
        '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'), url.pathname.slice(1)],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
    );
    const tps = /tps = ([\d.]+)/.exec(output);
    if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
    return Math.round(Number(tps[1]));
  } finally {
    await database.drop();
  }
}

async function measure(system: System, server: string, writers: number, seconds: number): Promise<number> {
  const database = await throwawayDatabase(server, 'append');
  try {
    const { writer, close } = await system.open(database.url);
    try {
      const started = performance.now();
      const counts = await Promise.all(Array.from({ length: writers }, (_, id) => writer(id, started + seconds * 1000)));
      const elapsed = (performance.now() - started) / 1000;
      return Math.round(counts.reduce((sum, count) => sum + count, 0) / elapsed);
    } finally {
      await close();
    }
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  // Emmett's close() leaves pooled connections that DROP DATABASE ... WITH (FORCE) then ends; harmless here.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  const argv = process.argv.slice(2);
  const server = stringOption(argv, '--server');
  const seconds = numberOption(argv, '--seconds', 10);
  const writerCounts = argv.includes('--writers') ? stringOption(argv, '--writers').split(',').map(Number) : WRITER_COUNTS;
  const pgbench = pgbenchBinary();
  if (pgbench === null) console.log('pgbench not found (set PGBENCH to its path): its column is left out');
  const results: { system: string; writers: number; eventsPerSecond: number }[] = [];
  const record = (system: string, writers: number, eventsPerSecond: number): void => {
    console.log(`${system}, ${writers} writer(s): ${eventsPerSecond} events/s`);
    results.push({ system, writers, eventsPerSecond });
  };
  // Writer count by writer count, every system in turn, so that the ratios compare figures
  // taken minutes apart at most on a machine whose load drifts.
  for (const writers of writerCounts) {
    for (const system of [storyline, emmett, bareInsert]) record(system.name, writers, await measure(system, server, writers, seconds));
    if (pgbench !== null) record(PGBENCH, writers, await measurePgbench(pgbench, server, writers, seconds));
  }
  reportResult(results);
}

runScript(main);

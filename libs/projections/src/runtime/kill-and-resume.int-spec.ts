import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { SCHEMA_VERSIONS } from '@storyline/story-events';
import type { DataSource } from 'typeorm';
import { storylineProjections } from '../index';
import { PROJECTION_MIGRATIONS } from '../schema';
import { migrateAll, openReadModels, RecordingLogger } from '../testing/projection-harness';
import { randomFrom, writeWorkload } from '../testing/story-workload';
import { ProjectionRunner } from './projection-runner';

const REPO = resolve(__dirname, '../../../..');
const CHILD = resolve(__dirname, '../testing/projector-process.ts');
const TABLES: Record<string, string> = {
  stories: 'id',
  timeline_entries: 'id',
  source_ledger: 'item_kind, item_id, role',
  sources: 'source_id',
  source_aliases: 'source_id, alias_key',
  fact_reports: 'report_id',
  fact_versions: 'fact_id, position',
  fact_links: 'link_id',
  fact_verdicts: 'fact_id, position',
  projection_checkpoints: 'name',
};

/** Every read-model table in key order, as text; `updated_at` is the one column that may differ. */
async function dump(dataSource: DataSource): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    const rows: { row: string }[] = await dataSource.query(`SELECT (to_jsonb(t) - 'updated_at')::text AS row FROM ${table} t ORDER BY ${key}`);
    tables[table] = rows.map(({ row }) => row);
  }
  return tables;
}

const projectors = new Set<ChildProcess>();

interface Projector {
  readonly child: ChildProcess;
  readonly following: Promise<void>;
  /** Resolves after the projector has committed `count` more batches, or after `timeoutMs`. */
  commits(count: number, timeoutMs: number): Promise<void>;
}

function startProjector(url: string): Projector {
  const output: string[] = [];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
    cwd: REPO,
    env: { ...process.env, STORYLINE_PROJECTOR_DATABASE_URL: url, STORYLINE_PROJECTOR_BATCH_SIZE: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  projectors.add(child);
  child.once('exit', () => projectors.delete(child));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const following = new Promise<void>((resolveFollowing, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('following from')) resolveFollowing();
    });
    child.once('exit', (code, signal) => reject(new Error(`projector exited (${code ?? signal}) before following:\n${output.join('')}`)));
  });
  const commits = (count: number, timeoutMs: number): Promise<void> =>
    new Promise((done) => {
      let seen = 0;
      const onData = (chunk: Buffer): void => {
        seen += chunk.toString().split('committed').length - 1;
        if (seen >= count) finish();
      };
      const timer = setTimeout(() => finish(), timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        done();
      };
      child.stdout!.on('data', onData);
    });
  return { child, following, commits };
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('a projector killed at random moments', () => {
  const seed = Number(process.env.STORYLINE_KILL_SEED ?? Date.now() % 100_000);
  let log: TestDatabase;
  let rebuilt: TestDatabase;
  let store: PostgresEventStore;
  const open: DataSource[] = [];

  beforeAll(async () => {
    [log, rebuilt] = await Promise.all([createTestDatabase('storyline_kill'), createTestDatabase('storyline_rebuild')]);
    await Promise.all([migrateAll(log.url), runMigrations(rebuilt.url, PROJECTION_MIGRATIONS)]);
    store = new PostgresEventStore({ connectionString: log.url, pollIntervalMs: 100 });
  });

  afterAll(async () => {
    await Promise.all([...projectors].map((child) => kill(child, 'SIGKILL')));
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await store.close();
    await Promise.all([log.drop(), rebuilt.drop()]);
  });

  const checkpointOf = async (dataSource: DataSource): Promise<bigint> =>
    BigInt((await dataSource.query('SELECT coalesce(min(position), 0) AS p FROM projection_checkpoints'))[0].p);

  /** Each kill lands a few batches into the backlog written while the projector restarted. */
  async function killRepeatedly(projected: DataSource, rounds: number, random: () => number): Promise<{ checkpoint: bigint; head: bigint }[]> {
    const kills: { checkpoint: bigint; head: bigint }[] = [];
    for (let round = 0; round < rounds; round++) {
      const projector = startProjector(log.url);
      await projector.following;
      await projector.commits(1 + Math.floor(random() * 3), 500);
      await sleep(random() * 15);
      await kill(projector.child, 'SIGKILL');
      kills.push({ checkpoint: await checkpointOf(projected), head: await store.headPosition() });
    }
    return kills;
  }

  /** A fresh runner projects the whole log into the second database; answers events per second. */
  async function rebuildCleanly(clean: DataSource, head: bigint): Promise<number> {
    const runner = new ProjectionRunner({ dataSource: clean, eventStore: store, projections: storylineProjections(), logger: new RecordingLogger() });
    const started = performance.now();
    await runner.start();
    expect(await runner.waitFor(head, 20_000)).toBe(true);
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    return Number(head) / seconds;
  }

  it(`ends with the same read models as a clean rebuild, every event applied once (seed ${seed})`, async () => {
    const random = randomFrom(seed);
    const writing = writeWorkload(store, { stories: 8, reportsPerStory: 40, factsPerReport: 8, pauseMs: 120, seed });
    const [projected, clean] = await Promise.all([openReadModels(log.url), openReadModels(rebuilt.url)]);
    open.push(projected, clean);
    const kills = await killRepeatedly(projected, 6, random);
    const head = BigInt(await writing);
    expect(await store.headPosition()).toBe(head);
    const last = startProjector(log.url);
    await last.following;
    while ((await checkpointOf(projected)) < head) await sleep(25);
    await kill(last.child, 'SIGTERM');
    expect(kills.filter((at) => at.checkpoint > 0n && at.checkpoint < at.head).length).toBeGreaterThanOrEqual(2);

    const rate = await rebuildCleanly(clean, head);
    console.log(`kill-and-resume (seed ${seed}): ${head} events, killed at ${kills.map((at) => `${at.checkpoint}/${at.head}`).join(', ')}; clean rebuild ${Math.round(rate)} events/s`);
    const [afterKills, afterRebuild] = await Promise.all([dump(projected), dump(clean)]);
    expect(afterKills).toEqual(afterRebuild);
    const counts = await countByType(store);
    expect(afterKills.timeline_entries).toHaveLength(counts.ReportIngested + counts.FactReported);
    expect(afterKills.stories).toHaveLength(counts.StoryOpened);
    expect(afterKills.projection_checkpoints.map((row) => JSON.parse(row))).toEqual([
      { name: 'claims', position: Number(head), events_applied: counts.ReportIngested + counts.FactReported + revisionCount(counts) - counts.VerdictRecorded },
      { name: 'fact-history', position: Number(head), events_applied: counts.ReportIngested + counts.FactReported + revisionCount(counts) },
      { name: 'membership', position: Number(head), events_applied: counts.ReportIngested + counts.ReportMoved + counts.ReportsSplit + counts.StoryMerged + counts.StoryRenamed },
      { name: 'source-ledger', position: Number(head), events_applied: counts.ReportIngested + counts.FactReported + counts.SourceRegistered + counts.SourceAliasAdded },
      { name: 'stories', position: Number(head), events_applied: counts.StoryOpened + counts.ReportsSplit + counts.StoryRenamed + counts.StoryMerged },
      { name: 'timeline', position: Number(head), events_applied: counts.ReportIngested + counts.FactReported },
    ]);
  }, 60_000);
});

async function countByType(store: PostgresEventStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(Object.keys(SCHEMA_VERSIONS).map((type) => [type, 0]));
  for (let after = 0n; ; ) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) return counts;
    for (const event of batch) counts[event.type] += 1;
    after = batch[batch.length - 1].position;
  }
}

const revisionCount = (counts: Record<string, number>): number =>
  counts.FactAmended + counts.FactCorrected + counts.FactRetracted + counts.FactsLinked + counts.VerdictRecorded;

import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { ADVISORY_LOCKS, PROJECTION_MIGRATIONS, ProjectionRunner, readCheckpoints, storylineProjections } from '@storyline/projections';
import { dumpReadModels } from '@storyline/projections/rebuild/testing/read-model-dump';
import { migrateAll, openReadModels, RecordingLogger } from '@storyline/projections/testing/projection-harness';
import { writeWorkload } from '@storyline/projections/testing/story-workload';
import type { DataSource } from 'typeorm';
import { runTypeScript, type Child } from './testing/child-process';

const HOST_PROCESS = 'libs/host/src/testing/projector-host-process.ts';
const LEADS = 'this instance leads; projecting';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('projector leadership across processes', () => {
  const seed = Number(process.env.STORYLINE_TAKEOVER_SEED ?? Date.now() % 100_000);
  const children: Child[] = [];
  let log: TestDatabase;
  let clean: TestDatabase;
  let store: PostgresEventStore;
  let projected: DataSource;
  let cleanSource: DataSource;

  beforeAll(async () => {
    [log, clean] = await Promise.all([createTestDatabase('storyline_takeover'), createTestDatabase('storyline_takeover_clean')]);
    await Promise.all([migrateAll(log.url), runMigrations(clean.url, PROJECTION_MIGRATIONS)]);
    store = new PostgresEventStore({ connectionString: log.url, pollIntervalMs: 100 });
    [projected, cleanSource] = await Promise.all([openReadModels(log.url), openReadModels(clean.url)]);
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill('SIGKILL')));
    await Promise.all([projected.destroy(), cleanSource.destroy(), store.close()]);
    await Promise.all([log.drop(), clean.drop()]);
  });

  const start = (name: string): Child => {
    const child = runTypeScript(HOST_PROCESS, { STORYLINE_PROJECTOR_DATABASE_URL: log.url, STORYLINE_PROJECTOR_NAME: name });
    children.push(child);
    return child;
  };

  /** The application name of the session holding the leadership lock, if any. */
  async function leader(): Promise<string | null> {
    const { classId, objectId } = ADVISORY_LOCKS.projectorLeader;
    const rows: { name: string }[] = await projected.query(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [classId, objectId],
    );
    return rows[0]?.name ?? null;
  }

  async function checkpointReaches(position: bigint, timeoutMs: number): Promise<boolean> {
    const names = storylineProjections().map((projection) => projection.name);
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
      const checkpoints = await readCheckpoints(projected, names);
      if ([...checkpoints.values()].every((checkpoint) => checkpoint >= position)) return true;
    }
    return false;
  }

  it(`projects in one process only; when that one is killed another takes over and catches up (seed ${seed})`, async () => {
    const a = start('projector-a');
    await a.waitFor(LEADS, 60_000);
    const b = start('projector-b');
    await b.waitFor('standing by', 60_000);
    const writing = writeWorkload(store, { stories: 4, reportsPerStory: 30, factsPerReport: 4, pauseMs: 40, seed });
    await a.waitFor('committed', 30_000, 5);
    expect(await leader()).toBe('projector-a');
    expect(b.output()).not.toContain('committed');

    await a.kill('SIGKILL');
    await b.waitFor(LEADS, 15_000);
    expect(await leader()).toBe('projector-b');
    await writing;
    expect(await checkpointReaches(await store.headPosition(), 30_000)).toBe(true);
    expect(b.output()).toContain('committed');
    await b.kill('SIGTERM');

    const runner = new ProjectionRunner({ dataSource: cleanSource, eventStore: store, projections: storylineProjections(), logger: new RecordingLogger() });
    await runner.start();
    expect(await runner.waitFor(await store.headPosition(), 30_000)).toBe(true);
    await runner.stop();
    const projections = storylineProjections();
    expect(await dumpReadModels(projected, projections)).toEqual(await dumpReadModels(cleanSource, projections));
  }, 180_000);
});

import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import type { DataSource } from 'typeorm';
import { storylineProjections } from '../index';
import { ProjectionRunner } from '../runtime/projection-runner';
import { PROJECTION_MIGRATIONS } from '../schema';
import { openReadModels, projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { writeWorkload } from '../testing/story-workload';
import { RebuildAlreadyRunningError, UnknownProjectionError } from './errors';
import type { RebuildSnapshot } from './rebuild-progress';
import { Rebuilds } from './rebuilds';
import { dumpReadModels } from './testing/read-model-dump';
import { inconsistentReads, readContinuously } from './testing/reading-loop';

const TUNING = { batchSize: 100, swapDistance: 30, pollMs: 20 };

describe('rebuilding projections beside the live ones', () => {
  const seed = Number(process.env.STORYLINE_REBUILD_SEED ?? Date.now() % 100_000);
  let harness: ProjectionHarness;
  let rebuilds: Rebuilds;
  let clean: TestDatabase;
  let cleanSource: DataSource;

  beforeAll(async () => {
    harness = await projectionHarness({ batchSize: 50 });
    clean = await createTestDatabase('storyline_rebuild_clean');
    await runMigrations(clean.url, PROJECTION_MIGRATIONS);
    cleanSource = await openReadModels(clean.url);
    rebuilds = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections, tuning: TUNING, logger: harness.logger });
    await harness.runner.start();
  });

  afterAll(async () => {
    await rebuilds.close();
    await cleanSource.destroy();
    await clean.drop();
    await harness.close();
  });

  /** A fresh runner projects the whole log into the clean database. */
  async function projectCleanly(): Promise<void> {
    const runner = new ProjectionRunner({ dataSource: cleanSource, eventStore: harness.store, projections: storylineProjections(), logger: new RecordingLogger() });
    await runner.start();
    expect(await runner.waitFor(await harness.store.headPosition(), 30_000)).toBe(true);
    await runner.stop();
  }

  it(`swaps in read models identical to a clean projection while readers and writers carry on (seed ${seed})`, async () => {
    await writeWorkload(harness.store, { stories: 4, reportsPerStory: 25, factsPerReport: 5, pauseMs: 0, seed });
    const readers = readContinuously(harness.dataSource, 3);
    const writing = writeWorkload(harness.store, { stories: 3, reportsPerStory: 30, factsPerReport: 4, pauseMs: 20, seed: seed + 1 });
    const states = new Set<string>();
    const timeline = await rebuilds.start(['timeline']);
    const ledger = await rebuilds.start(['source-ledger']);
    timeline.onProgress((snapshot) => states.add(snapshot.state));
    const [timelineDone, ledgerDone] = await Promise.all([timeline.finished, ledger.finished]);
    const all = await (await rebuilds.start()).finished;
    await writing;
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 30_000)).toBe(true);
    await readers.stop();

    for (const done of [timelineDone, ledgerDone, all]) expect(done).toMatchObject<Partial<RebuildSnapshot>>({ state: 'done', percent: 100, error: null });
    expect([...states]).toEqual(expect.arrayContaining(['catching-up', 'swapping', 'done']));
    expect(readers.errors).toEqual([]);
    expect(readers.reads.length).toBeGreaterThan(10);
    expect(await inconsistentReads(harness.store, readers.reads)).toEqual([]);
    await projectCleanly();
    const projections = storylineProjections();
    expect(await dumpReadModels(harness.dataSource, projections)).toEqual(await dumpReadModels(cleanSource, projections));
    expect(await harness.dataSource.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'")).toEqual([]);
    const pending = await harness.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  }, 120_000);

  it('names the known projections for an unknown one, and refuses a second rebuild of the same one', async () => {
    await expect(rebuilds.start(['timelines'])).rejects.toThrow(UnknownProjectionError);
    await expect(rebuilds.start(['timelines'])).rejects.toThrow(`known projections: ${storylineProjections().map((projection) => projection.name).join(', ')}`);
    const running = await rebuilds.start(['stories']);
    await expect(rebuilds.start(['stories', 'timeline'])).rejects.toThrow(RebuildAlreadyRunningError);
    const elsewhere = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections, tuning: TUNING });
    await expect(elsewhere.start(['stories'])).rejects.toThrow('a rebuild of stories is already running in another process');
    expect((await running.finished).state).toBe('done');
    expect(rebuilds.latestOf('stories')).toMatchObject({ id: running.id, state: 'done' });
  }, 60_000);

  it('drops its copies and leaves the live tables as they were when cancelled', async () => {
    const before = await dumpReadModels(harness.dataSource, storylineProjections());
    const rebuild = await rebuilds.start(['timeline']);
    const cancelled = await rebuild.cancel();
    expect(cancelled).toMatchObject({ state: 'failed', error: 'the rebuild was cancelled; the live tables are untouched' });
    expect(await dumpReadModels(harness.dataSource, storylineProjections())).toEqual(before);
    expect(await harness.dataSource.query('SELECT nspname FROM pg_namespace WHERE nspname = $1', [rebuild.id])).toEqual([]);
  }, 60_000);
});

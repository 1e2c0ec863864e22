import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import type { DataSource, EntityManager } from 'typeorm';
import { storylineProjections } from '../index';
import type { ProjectedEvent, Projection } from '../runtime/projection';
import { ProjectionRunner } from '../runtime/projection-runner';
import { PROJECTION_MIGRATIONS } from '../schema';
import { openReadModels, projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { writeWorkload } from '../testing/story-workload';
import { TimelineProjection } from '../timeline/timeline.projection';
import { bulkBuild } from './bulk-build';
import { Rebuilds } from './rebuilds';
import { completeIndexes, deferredIndexesOf } from './shadow-indexes';
import { createShadowSchema, openShadowDataSource } from './shadow-schema';
import { dumpReadModels } from './testing/read-model-dump';

/** Odd and small, so that pages split reports from their facts and facts from their amendments. */
const TUNING = { pageSize: 7, swapDistance: 0, pollMs: 20 };

/** The keys and indexes of the projections' tables, by name, as PostgreSQL prints them (PostgreSQL 18 also lists NOT NULL as constraints: left out). */
async function keysAndIndexes(dataSource: DataSource): Promise<string[]> {
  const tables = [...storylineProjections().flatMap((projection) => projection.tables), 'projection_checkpoints'];
  const rows: { line: string }[] = await dataSource.query(
    `SELECT indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1::text[])
     UNION ALL
     SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text = ANY($1::text[]) AND contype <> 'n'
     ORDER BY 1`,
    [tables],
  );
  return rows.map(({ line }) => line);
}

const shadowSchemas = async (dataSource: DataSource): Promise<string[]> =>
  (await dataSource.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'")).map((row: { nspname: string }) => row.nspname);

/** The timeline, failing on the event at `position` as a projection with a bug would. */
class PoisonedTimeline extends TimelineProjection {
  constructor(private readonly position: bigint) {
    super();
  }

  override async apply(events: Parameters<TimelineProjection['apply']>[0], manager: EntityManager): Promise<void> {
    if (events.some((event) => event.position === this.position)) throw new Error('a poisoned event');
    return super.apply(events, manager);
  }
}

describe('a rebuild that fills its copies in bulk', () => {
  const seed = Number(process.env.STORYLINE_REBUILD_SEED ?? Date.now() % 100_000);
  let harness: ProjectionHarness;
  let clean: TestDatabase;
  let cleanSource: DataSource;

  beforeAll(async () => {
    harness = await projectionHarness();
    clean = await createTestDatabase('storyline_bulk_clean');
    await runMigrations(clean.url, PROJECTION_MIGRATIONS);
    cleanSource = await openReadModels(clean.url);
    await writeWorkload(harness.store, { stories: 3, reportsPerStory: 12, factsPerReport: 4, pauseMs: 0, seed });
    const eventByEvent = new ProjectionRunner({ dataSource: cleanSource, eventStore: harness.store, projections: storylineProjections(), batchSize: 1, logger: new RecordingLogger() });
    await eventByEvent.start();
    expect(await eventByEvent.waitFor(await harness.store.headPosition(), 60_000)).toBe(true);
    await eventByEvent.stop();
  }, 90_000);

  afterAll(async () => {
    await cleanSource.destroy();
    await clean.drop();
    await harness.close();
  });

  it(`swaps in what the log applied event by event makes, keys and indexes included, with pages that split reports from their facts (seed ${seed})`, async () => {
    const logger = new RecordingLogger();
    const rebuilds = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections, tuning: TUNING, logger });
    const done = await (await rebuilds.start()).finished;

    expect(done).toMatchObject({ state: 'done', error: null, position: Number(await harness.store.headPosition()) });
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toEqual([]);
    expect(logger.lines.some((line) => line.includes(`applied the log up to position ${done.position}`))).toBe(true);
    const projections = storylineProjections();
    expect(await dumpReadModels(harness.dataSource, projections)).toEqual(await dumpReadModels(cleanSource, projections));
    expect(await keysAndIndexes(harness.dataSource)).toEqual(await keysAndIndexes(cleanSource));
    expect(await shadowSchemas(harness.dataSource)).toEqual([]);
  }, 60_000);

  it('stops the bulk build at a poisoned event, then fails naming it, and leaves the live tables as they were', async () => {
    const later = await harness.store.readAll({ after: (await harness.store.headPosition()) / 2n, maxCount: 100 });
    const poisoned = later.find((event) => event.type === 'FactReported')!.position;
    const before = await dumpReadModels(harness.dataSource, storylineProjections());
    const logger = new RecordingLogger();
    const rebuilds = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: () => [new PoisonedTimeline(poisoned)], tuning: TUNING, logger });
    const failed = await (await rebuilds.start(['timeline'])).finished;

    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(new RegExp(`^projection timeline stopped: event \\S+ \\(\\w+\\) at position ${poisoned} failed: a poisoned event$`));
    expect(logger.lines).toContainEqual(expect.stringMatching(/^warn .*the bulk build stopped \(timeline: a poisoned event\); following the log from there$/));
    expect(await dumpReadModels(harness.dataSource, storylineProjections())).toEqual(before);
    expect(await shadowSchemas(harness.dataSource)).toEqual([]);
  }, 60_000);

  it('drops the half-built copies a dead rebuild left, and ends equal to the log applied event by event', async () => {
    const projections = storylineProjections();
    const deferred = deferredIndexesOf(projections);
    const tables = projections.flatMap((projection) => projection.tables);
    const names = projections.map((projection) => projection.name);
    await createShadowSchema(harness.dataSource, 'public', 'rebuild_dead_000000', tables, names, deferred);
    const dead = await openShadowDataSource(harness.dataSource, 'rebuild_dead_000000', projections.length);
    const halfway = (await harness.store.headPosition()) / 2n;
    await bulkBuild({ shadow: dead, eventStore: harness.store, projections, until: halfway, pageSize: 5, signal: new AbortController().signal });
    await dead.destroy();

    const logger = new RecordingLogger();
    const rebuilds = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections, tuning: TUNING, logger });
    expect(await (await rebuilds.start()).finished).toMatchObject({ state: 'done', error: null });
    expect(logger.lines).toContainEqual(expect.stringMatching(/dropped schemas left by earlier rebuilds: rebuild_dead_000000$/));
    expect(await dumpReadModels(harness.dataSource, projections)).toEqual(await dumpReadModels(cleanSource, projections));
    expect(await keysAndIndexes(harness.dataSource)).toEqual(await keysAndIndexes(cleanSource));
    expect(await shadowSchemas(harness.dataSource)).toEqual([]);
  }, 60_000);

  it('builds the deferred keys and indexes of copies filled in bulk as the migrations made them', async () => {
    const projections: Projection[] = storylineProjections();
    const deferred = deferredIndexesOf(projections);
    expect([...deferred.keys()].sort()).toEqual(['fact_links', 'fact_verdicts', 'fact_versions', 'source_ledger', 'timeline_entries']);
    const tables = projections.flatMap((projection) => projection.tables);
    await createShadowSchema(harness.dataSource, 'public', 'rebuild_keys_000000', tables, ['keys'], deferred);
    const shadow = await openShadowDataSource(harness.dataSource, 'rebuild_keys_000000', projections.length);
    try {
      await bulkBuild({ shadow, eventStore: harness.store, projections, until: await harness.store.headPosition(), pageSize: 11, signal: new AbortController().signal });
      expect((await keysAndIndexes(shadow)).filter((line) => line.includes('timeline_entries'))).toEqual([
        expect.stringMatching(/^timeline_entries_rebuild_lookup_0: CREATE INDEX .* ON rebuild_keys_000000\.timeline_entries USING btree \(id\) WHERE \(kind = 'report'::text\)$/),
      ]);
      await completeIndexes(harness.dataSource, 'public', 'rebuild_keys_000000', tables, deferred);
      const printed = (await keysAndIndexes(shadow)).map((line) => line.replace('rebuild_keys_000000.', 'public.'));
      expect(printed).toEqual(await keysAndIndexes(cleanSource));
    } finally {
      await shadow.destroy();
      await harness.dataSource.query('DROP SCHEMA rebuild_keys_000000 CASCADE');
    }
  }, 60_000);
});

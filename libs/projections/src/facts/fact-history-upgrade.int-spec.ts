import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import type { DataSource } from 'typeorm';
import { storylineProjections } from '../index';
import { ProjectionRunner } from '../runtime/projection-runner';
import { CreateProjections1763800000000, PROJECTION_MIGRATIONS } from '../schema';
import { SourceLedgerProjection } from '../source-ledger/source-ledger.projection';
import { CORRECTED_F1, tellFirstInstalment, tellSecondInstalment, tellThirdInstalment } from '../testing/founding-story';
import { openReadModels, RecordingLogger } from '../testing/projection-harness';
import { TimelineProjection } from '../timeline/timeline.projection';
import { TimelineReader } from '../timeline/timeline.reader';

describe('a database from before fact histories', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('storyline_fact_history_upgrade');
    await runMigrations(database.url, [...EVENT_STORE_MIGRATIONS, CreateProjections1763800000000]);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 100 });
    dataSource = await openReadModels(database.url);
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await database.drop();
  });

  const runUntilHead = async (runner: ProjectionRunner): Promise<void> => {
    await runner.start();
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    await runner.stop();
  };

  it('upgrades in place: the new migration alone runs, and the new projection builds itself from the whole log', async () => {
    // The projections of that first schema whose code still writes only its tables (the stories
    // projection now also keeps every slug a story held, in a table added later).
    const before = [new TimelineProjection(), new SourceLedgerProjection()];
    const story = await tellFirstInstalment(store);
    await tellSecondInstalment(store, story);
    await runUntilHead(new ProjectionRunner({ dataSource, eventStore: store, projections: before, logger: new RecordingLogger() }));
    const applied = await dataSource.query("SELECT events_applied FROM projection_checkpoints WHERE name = 'timeline'");

    // Only the migrations after the first run (fact histories, and any read model added since).
    expect(await runMigrations(database.url, PROJECTION_MIGRATIONS)).toEqual(PROJECTION_MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(PROJECTION_MIGRATIONS[1].name).toBe('AddFactHistory1764500000000');
    await tellThirdInstalment(store, story);
    await runUntilHead(new ProjectionRunner({ dataSource, eventStore: store, projections: storylineProjections(), logger: new RecordingLogger() }));

    const timeline = await new TimelineReader(dataSource).timeline(story.storyId, { order: 'reported' });
    expect(timeline.entries.find((entry) => entry.id === story.ids.f1)).toMatchObject({ statement: CORRECTED_F1, corrected: true, verdict: 'disputed' });
    expect(timeline.links).toHaveLength(2);
    const timelineAfter = await dataSource.query("SELECT events_applied FROM projection_checkpoints WHERE name = 'timeline'");
    expect(Number(timelineAfter[0].events_applied)).toBe(Number(applied[0].events_applied) + 1);
  });
});

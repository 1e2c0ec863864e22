import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { DataSource, type Logger } from 'typeorm';
import { storylineProjections } from '../index';
import { ProjectionRunner, type ProjectionRunnerOptions } from '../runtime/projection-runner';
import { PROJECTION_ENTITIES, PROJECTION_MIGRATIONS } from '../schema';

/** A TypeORM data source on the read models; never `synchronize`. A `logger` sees every statement. */
export async function openReadModels(url: string, logger?: Logger): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, entities: PROJECTION_ENTITIES, synchronize: false, logging: false, logger, extra: { max: 5 } });
  return dataSource.initialize();
}

export async function migrateAll(url: string): Promise<void> {
  await runMigrations(url, [...EVENT_STORE_MIGRATIONS, ...PROJECTION_MIGRATIONS]);
}

/** Logs nothing, but keeps what it was told, for assertions. */
export class RecordingLogger {
  readonly lines: string[] = [];
  log = (message: string): void => void this.lines.push(`log ${message}`);
  warn = (message: string): void => void this.lines.push(`warn ${message}`);
  error = (message: string): void => void this.lines.push(`error ${message}`);
}

/** A fresh database with the event log and read models, a store, and a runner (not started). */
export interface ProjectionHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  readonly runner: ProjectionRunner;
  readonly logger: RecordingLogger;
  close(): Promise<void>;
}

export async function projectionHarness(options: Partial<ProjectionRunnerOptions> = {}): Promise<ProjectionHarness> {
  const database = await createTestDatabase('storyline_projections');
  await migrateAll(database.url);
  const store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 200 });
  const dataSource = await openReadModels(database.url);
  const logger = new RecordingLogger();
  const runner = new ProjectionRunner({ dataSource, eventStore: store, projections: storylineProjections(), logger, ...options });
  return {
    database,
    store,
    dataSource,
    runner,
    logger,
    async close() {
      await runner.stop();
      await store.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

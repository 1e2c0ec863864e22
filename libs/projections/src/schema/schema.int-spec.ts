import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../testing/projection-harness';
import { PROJECTION_MIGRATIONS } from './index';

describe('projection schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('storyline_projection_schema');
    await runMigrations(database.url, PROJECTION_MIGRATIONS);
    dataSource = await openReadModels(database.url);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('matches the entities exactly, so nobody is tempted to synchronize', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('runs again without changing anything', async () => {
    expect(await runMigrations(database.url, PROJECTION_MIGRATIONS)).toEqual([]);
  });
});

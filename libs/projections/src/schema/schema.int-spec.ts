import { createTestDatabase, runMigrations, type TestDatabase } from '@storyline/database';
import { Client } from 'pg';
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

  it('gives the link keys of a read model made before their positions the position of their fact', async () => {
    const older = await createTestDatabase('storyline_projection_schema_upgrade');
    const client = new Client({ connectionString: older.url });
    try {
      await runMigrations(older.url, PROJECTION_MIGRATIONS.slice(0, PROJECTION_MIGRATIONS.length - 1));
      await client.connect();
      const story = '11111111-1111-4111-8111-111111111111';
      const fact = '22222222-2222-4222-8222-222222222222';
      const report = '33333333-3333-4333-8333-333333333333';
      await client.query(`INSERT INTO link_candidates (fact_id, story_id, report_id, statement, entities, modality, position) VALUES ($1, $2, $3, 'Rebels took Brega', '[]', 'asserted', 41)`, [fact, story, report]);
      await client.query(`INSERT INTO link_candidate_keys (story_id, key, fact_id) VALUES ($1, 'w:rebel', $2), ($1, 'e:brega', $2)`, [story, fact]);
      expect(await runMigrations(older.url, PROJECTION_MIGRATIONS)).toEqual(['AddLinkCandidateKeyPositions1765600000000']);
      expect((await client.query('SELECT key, position::text AS position FROM link_candidate_keys ORDER BY key')).rows).toEqual([
        { key: 'e:brega', position: '41' },
        { key: 'w:rebel', position: '41' },
      ]);
    } finally {
      await client.end();
      await older.drop();
    }
  });
});

import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, loadConfig, type TestDatabase } from '@storyline/database';
import type { StorageOptions } from '@storyline/host';
import { Client } from 'pg';
import request from 'supertest';
import { createStorylineApp } from '@storyline/server';

/** One app on its own fresh database, for one test file. */
export interface ApiHarness {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  /** Requests with the admin bootstrap key; `anonymous()` sends none. */
  http(): ReturnType<typeof request.agent>;
  anonymous(): ReturnType<typeof request>;
  /** Every row of the event log and of each read-model table: to prove a refusal changed nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

export const TEST_ADMIN_KEY = 'test-bootstrap-key-0123456789';

const READ_MODEL_TABLES = ['stories', 'story_slugs', 'timeline_entries', 'source_ledger', 'sources', 'source_aliases', 'report_memberships', 'membership_changes', 'projection_checkpoints'];

export async function startApi(env: Record<string, string> = {}, storage?: StorageOptions): Promise<ApiHarness> {
  const db = await createTestDatabase('storyline_e2e');
  const config = loadConfig({ STORYLINE_LOAD_EXAMPLE: 'false', STORYLINE_BOOTSTRAP_KEY: TEST_ADMIN_KEY, ...env });
  const app = await createStorylineApp({ databaseUrl: db.url, config, logger: false, storage });
  return {
    app,
    db,
    http: () => request.agent(app.getHttpServer()).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`),
    anonymous: () => request(app.getHttpServer()),
    async snapshot() {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const parts: string[] = [];
        for (const table of ['events', ...READ_MODEL_TABLES]) {
          const exists = await client.query('SELECT to_regclass($1) AS name', [table]);
          if (!exists.rows[0].name) continue;
          const rows = await client.query(`SELECT * FROM ${table} ORDER BY 1`);
          parts.push(`${table}:${JSON.stringify(rows.rows)}`);
        }
        return parts.join('\n');
      } finally {
        await client.end();
      }
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

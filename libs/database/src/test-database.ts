import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A throwaway database on the test server; one per test file keeps files independent. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** The server the test run uses: DATABASE_URL, or the embedded one globalSetup started. */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL || process.env.STORYLINE_TEST_DATABASE_URL;
  if (!url) throw new Error('no test database: run through jest (globalSetup starts one) or set DATABASE_URL');
  return url;
}

export async function createTestDatabase(prefix = 'storyline_test'): Promise<TestDatabase> {
  const serverUrl = new URL(testServerUrl());
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

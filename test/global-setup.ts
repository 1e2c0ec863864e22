import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../libs/database/src/embedded-postgres';

declare global {
  // eslint-disable-next-line no-var
  var __STORYLINE_EMBEDDED__: EmbeddedDatabase | undefined;
}

/** Without DATABASE_URL the tests get their own embedded PostgreSQL, as a fresh machine would. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    console.log(`\n[storyline tests] PostgreSQL from DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'storyline-test-pg-'));
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dir, persistent: false, database: 'storyline_tests' });
  process.env.STORYLINE_TEST_DATABASE_URL = server.url;
  globalThis.__STORYLINE_EMBEDDED__ = server;
  console.log(`\n[storyline tests] embedded PostgreSQL started in ${Date.now() - started} ms (${dir})`);
}

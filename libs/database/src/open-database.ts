import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { StorylineConfig } from './config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** A PostgreSQL to work with, and how to let go of it. */
export interface OpenedDatabase {
  readonly url: string;
  /** What to tell a person: "external", "embedded (started)", "embedded (shared with pid 42)". */
  readonly description: string;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'storyline';

/**
 * An embedded server another Storyline process already runs on this data directory: two
 * postmasters cannot share one directory, so the CLI connects to the running one instead.
 */
async function runningEmbedded(dataDir: string): Promise<OpenedDatabase | null> {
  const pidFile = join(dataDir, 'pgdata', 'postmaster.pid');
  const passwordFile = join(dataDir, 'embedded-password');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const password = encodeURIComponent(readFileSync(passwordFile, 'utf8').trim());
  const url = `postgres://postgres:${password}@127.0.0.1:${Number(portLine)}/${EMBEDDED_DATABASE}`;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
  } catch {
    return null;
  }
  return { url, description: `embedded PostgreSQL in ${dataDir} (shared with pid ${pid})`, close: async () => undefined };
}

/**
 * DATABASE_URL when set; otherwise the embedded server for `config.dataDir`, joining one
 * that is already running or starting it (and stopping it again on close).
 */
export async function openDatabase(config: StorylineConfig, log?: (line: string) => void): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: `PostgreSQL at ${new URL(config.databaseUrl).host}`, close: async () => undefined };
  }
  const running = await runningEmbedded(config.dataDir);
  if (running) return running;
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dir: config.dataDir, database: EMBEDDED_DATABASE, log });
  return {
    url: server.url,
    description: `embedded PostgreSQL in ${join(config.dataDir, 'pgdata')} (started in ${Date.now() - started} ms)`,
    close: () => server.stop(),
  };
}

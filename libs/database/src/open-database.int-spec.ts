import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { loadConfig } from './config';
import { openDatabase } from './open-database';

const CHILD = join(__dirname, 'testing', 'open-database-child.ts');

/** A separate Node process (not jest's module loader, which cannot load ESM packages). */
interface Opener {
  readonly opened: { url: string; description: string };
  close(): Promise<void>;
}

async function openInChild(dataDir: string): Promise<Opener> {
  const env: NodeJS.ProcessEnv = { ...process.env, STORYLINE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], { env });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const first = await lines.next();
  if (first.done) throw new Error(`child failed: ${stderr}`);
  return {
    opened: JSON.parse(first.value),
    async close() {
      child.stdin.write('close\n');
      expect((await lines.next()).value).toBe('closed');
    },
  };
}

async function serverPort(url: string): Promise<number | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query("SELECT setting::int AS port FROM pg_settings WHERE name = 'port'");
    return rows[0].port;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('openDatabase', () => {
  it('uses DATABASE_URL as it is', async () => {
    const opened = await openDatabase(loadConfig({ DATABASE_URL: 'postgres://someone@db.example:5432/x' }));
    expect(opened.url).toBe('postgres://someone@db.example:5432/x');
  });

  it('starts the embedded server once and lets a second process join it rather than start another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-open-'));
    const server = await openInChild(dir);
    expect(server.opened.description).toMatch(/started/);
    const cli = await openInChild(dir);
    expect(cli.opened.description).toMatch(/shared with pid/);
    expect(await serverPort(cli.opened.url)).toBe(await serverPort(server.opened.url));
    await cli.close();
    expect(await serverPort(server.opened.url)).not.toBeNull();
    await server.close();
    expect(await serverPort(server.opened.url)).toBeNull();
  }, 60_000);
});

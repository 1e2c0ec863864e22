/**
 * `npm run bench`: every benchmark on one PostgreSQL in one run (embedded in a temporary
 * directory, or DATABASE_URL's server), each system on a throwaway database of its own;
 * prints a table and writes it to docs/benchmarks.md ("npm run bench" section).
 *
 *   npm run bench [-- --quick] [-- --events N] [-- --no-write]
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '@storyline/database';
import { Client } from 'pg';
import { BENCH_PACKAGES, numberOption, REPO, runScript, throwawayDatabase } from './common';
import { renderSection, type Figures } from './report';

interface Plan {
  readonly appendSeconds: number;
  readonly samples: number;
  readonly querySeconds: number;
  readonly smallEvents: number;
  readonly largeEvents: number;
}

function planFrom(argv: readonly string[]): Plan {
  const quick = argv.includes('--quick');
  return {
    appendSeconds: quick ? 3 : 10,
    samples: quick ? 50 : 200,
    querySeconds: quick ? 3 : 10,
    smallEvents: 10_000,
    largeEvents: numberOption(argv, '--events', quick ? 100_000 : 1_000_000),
  };
}

/** Emmett and autocannon go in bench/emmett, apart from the project's own dependencies. */
function ensureBenchPackages(): void {
  if (existsSync(join(BENCH_PACKAGES, '@event-driven-io', 'emmett-postgresql')) && existsSync(join(BENCH_PACKAGES, 'autocannon'))) return;
  const args = ['install', '--prefix', join(REPO, 'bench', 'emmett'), '--no-audit', '--no-fund', '--no-package-lock'];
  console.log(`installing Emmett and autocannon for the bench: npm ${args.join(' ')}`);
  execFileSync('npm', args, { stdio: 'inherit' });
}

/** Runs one bench script in a process of its own (clean memory figures) and answers its result. */
function runChild<T>(script: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO, 'scripts', 'bench', script), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let result: T | undefined;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('BENCH_RESULT ')) result = JSON.parse(line.slice('BENCH_RESULT '.length));
        else console.log(`  ${line}`);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result !== undefined ? resolve(result) : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function server(): Promise<{ url: string; where: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'storyline-bench-')), persistent: false, database: 'storyline_bench' });
  return { url: embedded.url, where: 'embedded', stop: () => embedded.stop() };
}

async function phase<T>(title: string, run: () => Promise<T>): Promise<T> {
  console.log(`\n== ${title}`);
  const started = performance.now();
  const result = await run();
  console.log(`   (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return result;
}

async function onFreshDatabase<T>(serverUrl: string, purpose: string, run: (url: string) => Promise<T>): Promise<T> {
  const database = await throwawayDatabase(serverUrl, purpose);
  try {
    return await run(database.url);
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const plan = planFrom(argv);
  ensureBenchPackages();
  const started = performance.now();
  const postgres = await server();
  try {
    const version = await serverVersion(postgres.url);
    const cores = cpus().length;
    console.log(`npm run bench${argv.includes('--quick') ? ' --quick' : ''}: PostgreSQL ${version} (${postgres.where}), node ${process.version}, ${cores} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
    const url = postgres.url;
    const append = await phase('append throughput', () => runChild<Figures['append']>('append.ts', ['--server', url, '--seconds', String(plan.appendSeconds)]));
    const visible = await phase('append-to-visible', () => onFreshDatabase(url, 'visible', (db) => runChild<Figures['visible']>('visible.ts', ['--url', db, '--samples', String(plan.samples)])));
    const querySmall = await phase(`query latency, ${plan.smallEvents} events`, () =>
      onFreshDatabase(url, 'query', (db) => runChild<Figures['querySmall']>('query.ts', ['--url', db, '--load', String(plan.smallEvents), '--seconds', String(plan.querySeconds)])),
    );
    const [rebuild, queryLarge] = await onFreshDatabase(url, 'large', async (db) => {
      const rebuilt = await phase(`projection rebuild, ${plan.largeEvents} events`, () => runChild<Figures['rebuild']>('rebuild.ts', ['--url', db, '--events', String(plan.largeEvents)]));
      const queried = await phase(`query latency, ${rebuilt.events} events`, () => runChild<Figures['queryLarge']>('query.ts', ['--url', db, '--seconds', String(plan.querySeconds)]));
      return [rebuilt, queried] as const;
    });
    const figures: Figures = { append, visible, querySmall, rebuild, queryLarge };
    const minutes = (performance.now() - started) / 60_000;
    const machine = { cores, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: `${version} (${postgres.where})`, date: new Date().toISOString().slice(0, 10), minutes };
    const section = renderSection(figures, machine, `npm run bench${argv.includes('--quick') ? ' -- --quick' : ''}${argv.includes('--events') ? ` -- --events ${plan.largeEvents}` : ''}`);
    console.log(`\n${section}`);
    if (!argv.includes('--no-write')) writeSection(section);
  } finally {
    await postgres.stop();
  }
}

const BEGIN = '<!-- npm run bench: begin (written by scripts/bench/run.ts) -->';
const END = '<!-- npm run bench: end -->';

/** Replaces the figures between the markers, or adds them as a new section at the end; other sections stay as they are. */
function writeSection(section: string): void {
  const file = join(REPO, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const block = `${BEGIN}\n${section}\n${END}`;
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next = begin >= 0 && end > begin ? text.slice(0, begin) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n## \`npm run bench\`\n\n${block}\n`;
  writeFileSync(file, next);
  console.log(`wrote the figures to ${file}`);
}

runScript(main);

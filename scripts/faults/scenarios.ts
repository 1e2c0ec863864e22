import { freePort } from '@storyline/database';
import { runTypeScript, type Child } from '@storyline/host/testing/child-process';
import type { ThrowawayCluster } from './cluster';
import { ADMIN_KEY, Follower, openStories, tally, waitCaughtUp, Writers, type Tally } from './workload';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number): number => Math.round(low + Math.random() * (high - low));

export interface FaultResult extends Tally {
  readonly fault: string;
  /** API processes that died by themselves. */
  readonly apiCrashes: number;
  /** Milliseconds from the database being back to the API's first acknowledged write, per restart. */
  readonly recoveryMs: readonly number[];
  readonly exitCodes: readonly (number | string)[];
  readonly notes: readonly string[];
  readonly seconds: number;
}

/** The API as `npm start` runs it (from source), on a database of the throwaway cluster. */
class ApiProcess {
  child: Child | null = null;
  crashes = 0;
  readonly exits: (number | string)[] = [];
  private expectingExit = false;

  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.expectingExit = false;
    const child = runTypeScript('apps/api/src/main.ts', {
      DATABASE_URL: this.databaseUrl,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      STORYLINE_BOOTSTRAP_KEY: ADMIN_KEY,
      STORYLINE_WRITES_PER_MINUTE: '0',
      STORYLINE_LOAD_EXAMPLE: 'false',
      ...this.env,
    });
    child.process.once('exit', (code, signal) => {
      this.exits.push(code ?? signal ?? 'unknown');
      if (!this.expectingExit) this.crashes += 1;
    });
    this.child = child;
    await child.waitFor('is listening on', 180_000);
  }

  alive(): boolean {
    return this.child !== null && this.child.process.exitCode === null && this.child.process.signalCode === null;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    this.expectingExit = true;
    await this.child?.kill(signal);
  }

  output(): string {
    return this.child?.output() ?? '';
  }
}

interface Stage {
  readonly databaseUrl: string;
  readonly api: ApiProcess;
  readonly writers: Writers;
  readonly followers: Follower[];
}

async function stage(cluster: ThrowawayCluster, name: string, env: Record<string, string> = {}, writerCount = 6): Promise<Stage> {
  const databaseUrl = await cluster.createDatabase(name);
  const api = new ApiProcess(databaseUrl, await freePort(), env);
  await api.start();
  const stories = ['alpha', 'bravo', 'charlie'];
  await openStories(api.baseUrl, stories);
  const writers = new Writers(api.baseUrl, stories);
  const followers = stories.map((story) => new Follower(api.baseUrl, story));
  for (const follower of followers) follower.start();
  writers.start(writerCount);
  return { databaseUrl, api, writers, followers };
}

/** Stops the load, lets the projector and the followers catch up, counts, and stops the API. */
async function finish(fault: string, started: number, { databaseUrl, api, writers, followers }: Stage, extra: Partial<FaultResult> = {}): Promise<FaultResult> {
  await writers.stop();
  const caughtUp = await waitCaughtUp(databaseUrl);
  await pause(2_000);
  for (const follower of followers) await follower.stop();
  const counts = await tally(databaseUrl, writers, followers);
  const alive = api.alive();
  await api.kill('SIGTERM');
  const notes = [...(extra.notes ?? [])];
  if (!caughtUp) notes.push('the read models did not catch up within 120 s');
  if (!alive) notes.push('the API was not running at the end');
  notes.push(`write answers: ${[...writers.statuses].map(([status, n]) => `${status}×${n}`).join(' ')}`);
  return { fault, ...counts, apiCrashes: api.crashes, recoveryMs: [], exitCodes: api.exits, seconds: Math.round((Date.now() - started) / 1000), ...extra, notes };
}

export async function concurrentWriters(cluster: ThrowawayCluster): Promise<FaultResult> {
  const started = Date.now();
  const running = await stage(cluster, 'writers', {}, 12);
  await pause(20_000);
  return finish('concurrent writers, live followers', started, running);
}

export async function projectorKills(cluster: ThrowawayCluster, kills = 20): Promise<FaultResult> {
  const started = Date.now();
  const running = await stage(cluster, 'projector', { STORYLINE_PROJECTOR: 'external', STORYLINE_READ_YOUR_WRITES_MS: '0' });
  const exits: (number | string)[] = [];
  for (let n = 0; n < kills; n++) {
    const projector = runTypeScript('libs/projections/src/testing/projector-process.ts', { STORYLINE_PROJECTOR_DATABASE_URL: running.databaseUrl, STORYLINE_PROJECTOR_BATCH_SIZE: '50' });
    projector.process.once('exit', (code, signal) => exits.push(code ?? signal ?? 'unknown'));
    await projector.waitFor('following from', 120_000);
    // A random point: mid-batch, between batches, or while idle.
    await pause(between(50, 1_500));
    await projector.kill('SIGKILL');
  }
  const last = runTypeScript('libs/projections/src/testing/projector-process.ts', { STORYLINE_PROJECTOR_DATABASE_URL: running.databaseUrl });
  last.process.once('exit', (code, signal) => exits.push(code ?? signal ?? 'unknown'));
  await last.waitFor('following from', 120_000);
  const result = await finish(`projector killed (SIGKILL) ${kills} times`, started, running, { notes: [] });
  await last.kill('SIGTERM');
  return { ...result, exitCodes: [...result.exitCodes, ...exits.map((code) => `projector:${code}`)] };
}

export async function databaseRestarts(cluster: ThrowawayCluster, restarts = 10): Promise<FaultResult> {
  const started = Date.now();
  const running = await stage(cluster, 'restarts');
  const recoveryMs: number[] = [];
  const notes: string[] = [];
  for (let n = 0; n < restarts; n++) {
    await pause(between(1_000, 2_500));
    await cluster.stopImmediately();
    await pause(between(500, 2_000));
    await cluster.start();
    const back = Date.now();
    while (running.writers.firstAckAfter(back) === null && Date.now() - back < 60_000) await pause(20);
    const first = running.writers.firstAckAfter(back);
    recoveryMs.push(first === null ? Number.POSITIVE_INFINITY : first - back);
    if (!running.api.alive()) {
      notes.push(`restart ${n + 1}: the API died; last output:\n${running.api.output().slice(-2_000)}`);
      await running.api.start();
    }
  }
  return finish(`PostgreSQL stopped -m immediate and started ${restarts} times under load`, started, running, { recoveryMs, notes });
}

export async function apiKills(cluster: ThrowawayCluster, kills = 3): Promise<FaultResult> {
  const started = Date.now();
  const running = await stage(cluster, 'apikills');
  for (let n = 0; n < kills; n++) {
    await pause(between(1_500, 3_000));
    await running.api.kill('SIGKILL');
    await running.api.start();
  }
  await pause(2_000);
  return finish(`API killed (SIGKILL) ${kills} times under load`, started, running);
}

export async function sigtermWithStreams(cluster: ThrowawayCluster): Promise<FaultResult> {
  const started = Date.now();
  const running = await stage(cluster, 'sigterm');
  await pause(3_000);
  const child = running.api.child!;
  const exited = new Promise<number>((resolve) => child.process.once('exit', () => resolve(Date.now())));
  const signalled = Date.now();
  await running.api.kill('SIGTERM');
  const tookMs = (await exited) - signalled;
  const notices = running.followers.reduce((sum, follower) => sum + follower.shutdownNotices, 0);
  const dump = /Unhandled|\n\s+at /.test(child.output()) ? 'an error dump in the output' : 'no error dump';
  await running.api.start();
  const result = await finish('SIGTERM with open streams under load', started, running);
  return {
    ...result,
    notes: [`SIGTERM to exit: ${tookMs} ms; ${notices} of ${running.followers.length} streams told to reconnect; ${dump}`, ...result.notes],
    recoveryMs: [],
    exitCodes: result.exitCodes,
  };
}

/**
 * The fault suite (`npm run test:faults`): Storyline under the faults of a real deployment,
 * on a throwaway PostgreSQL cluster of its own. Prints, per fault, the acknowledged writes,
 * events lost, skipped and duplicated, the API's recovery time after the database returns,
 * and the exit codes; exits 1 when any promise in docs/reliability.md is broken.
 * `--only <name>[,<name>]` runs some: writers, projector, restarts, apikills, sigterm.
 */
import { ThrowawayCluster } from './cluster';
import { apiKills, concurrentWriters, databaseRestarts, projectorKills, sigtermWithStreams, type FaultResult } from './scenarios';

const FAULTS: Record<string, (cluster: ThrowawayCluster) => Promise<FaultResult>> = {
  writers: concurrentWriters,
  projector: (cluster) => projectorKills(cluster, 20),
  restarts: (cluster) => databaseRestarts(cluster, 10),
  apikills: (cluster) => apiKills(cluster, 3),
  sigterm: sigtermWithStreams,
};

const RECOVERY_LIMIT_MS = 5_000;
const SIGTERM_LIMIT_MS = 10_000;

function problems(result: FaultResult): string[] {
  const found: string[] = [];
  if (result.lost) found.push(`${result.lost} acknowledged writes lost`);
  if (result.skipped) found.push(`${result.skipped} events skipped`);
  if (result.duplicated) found.push(`${result.duplicated} events duplicated`);
  if (result.apiCrashes) found.push(`${result.apiCrashes} API crashes`);
  if (result.acknowledged === 0) found.push('no write was acknowledged');
  const slow = result.recoveryMs.filter((ms) => ms > RECOVERY_LIMIT_MS);
  if (slow.length) found.push(`${slow.length} recoveries over ${RECOVERY_LIMIT_MS} ms`);
  const sigterm = /SIGTERM to exit: (\d+) ms/.exec(result.notes.join('\n'));
  if (sigterm && Number(sigterm[1]) > SIGTERM_LIMIT_MS) found.push(`SIGTERM took ${sigterm[1]} ms`);
  if (sigterm && !result.notes.join('\n').includes('no error dump')) found.push('an error dump on SIGTERM');
  if (result.fault.startsWith('SIGTERM') && result.exitCodes[0] !== 0) found.push(`SIGTERM exit code ${result.exitCodes[0]}`);
  return found;
}

function print(result: FaultResult): void {
  const recovery = result.recoveryMs.length
    ? `recovery after the database returned: ${result.recoveryMs.map((ms) => `${ms}`).join(', ')} ms (max ${Math.max(...result.recoveryMs)} ms)`
    : 'recovery: n/a';
  console.log(`\n== ${result.fault} (${result.seconds} s)`);
  console.log(`   acknowledged writes: ${result.acknowledged}; events in the log: ${result.events}`);
  console.log(`   lost: ${result.lost}  skipped: ${result.skipped}  duplicated: ${result.duplicated}  API crashes: ${result.apiCrashes}`);
  console.log(`   ${recovery}`);
  console.log(`   exit codes: ${result.exitCodes.join(' ')}`);
  for (const note of result.notes) console.log(`   ${note}`);
  const found = problems(result);
  console.log(found.length ? `   FAILED: ${found.join('; ')}` : '   ok');
}

async function main(): Promise<number> {
  const only = process.argv.indexOf('--only') >= 0 ? process.argv[process.argv.indexOf('--only') + 1].split(',') : Object.keys(FAULTS);
  const unknown = only.filter((name) => !FAULTS[name]);
  if (unknown.length) {
    console.error(`unknown fault: ${unknown.join(', ')} (known: ${Object.keys(FAULTS).join(', ')})`);
    return 2;
  }
  const started = Date.now();
  const cluster = await ThrowawayCluster.create();
  console.log(`throwaway PostgreSQL in ${cluster.dir} on 127.0.0.1:${cluster.port}`);
  let failed = 0;
  try {
    for (const name of only) {
      const result = await FAULTS[name](cluster);
      print(result);
      if (problems(result).length) failed += 1;
    }
  } finally {
    await cluster.destroy();
  }
  console.log(`\nfault suite: ${only.length - failed} of ${only.length} faults kept every promise, in ${Math.round((Date.now() - started) / 1000)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

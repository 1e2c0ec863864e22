import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '../../../..');

/** A TypeScript entry point run in a child process, with what it printed so far. */
export interface Child {
  readonly process: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  /** Resolves once its output contains `text` (`times` times), rejects after `timeoutMs` or when it exits first. */
  waitFor(text: string, timeoutMs: number, times?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Runs `entry` (relative to the repository) through swc, as `npm run` scripts do. */
export function runTypeScript(entry: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(REPO, entry)], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = once(child, 'exit');
  return {
    process: child,
    output: () => output,
    waitFor: (text, timeoutMs, times = 1) =>
      new Promise((done, fail) => {
        const check = (): void => {
          if (output.split(text).length - 1 < times) return;
          finish();
          done();
        };
        const timer = setTimeout(() => (finish(), fail(new Error(`no "${text}" from ${entry} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
        const early = (): void => (finish(), fail(new Error(`${entry} exited before "${text}":\n${output}`)));
        const finish = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', early);
        };
        listeners.add(check);
        child.once('exit', early);
        check();
      }),
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

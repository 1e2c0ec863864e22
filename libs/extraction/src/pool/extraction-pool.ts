import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import { ExtractionInputError } from '../errors';
import type { ExtractionOptions, ExtractionResult } from '../types';
import type { ExtractionAnswer, ExtractionTask } from './extraction.worker';

export interface ExtractionPoolOptions {
  /** Worker threads at most; default STORYLINE_EXTRACTION_THREADS, else the cores less one (1 to 4). */
  readonly maxThreads?: number;
  /** How long an idle worker (and its language model, ~30 MB) is kept; default 60 s. */
  readonly idleTimeoutMs?: number;
}

/**
 * `extractReport` on worker threads (piscina), so a long report does not hold up the event
 * loop: same input, same result, same ExtractionInputError for refused input. Workers start
 * on first use and stop when idle; close() ends them.
 */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractionTask, ExtractionAnswer>;

  constructor(options: ExtractionPoolOptions = {}) {
    const { filename, execArgv } = workerModule();
    this.pool = new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: options.maxThreads ?? defaultThreads(),
      idleTimeout: options.idleTimeoutMs ?? 60_000,
    });
  }

  async extract(text: string, options: ExtractionOptions = {}): Promise<ExtractionResult> {
    const answer = await this.pool.run({ text, options: { ...options } });
    if ('refused' in answer) {
      const { code, field, message } = answer.refused;
      throw new ExtractionInputError(code, field, message.replace(/^[^:]+: /, ''));
    }
    return answer.result;
  }

  get threads(): number {
    return this.pool.threads.length;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function defaultThreads(): number {
  const configured = Number(process.env.STORYLINE_EXTRACTION_THREADS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/**
 * The worker's file beside this one: `.js` when built (nest build), `.ts` when run from
 * source (jest, `node -r @swc-node/register`), where the worker registers swc too.
 */
function workerModule(): { filename: string; execArgv: string[] } {
  const built = join(__dirname, 'extraction.worker.js');
  if (existsSync(built)) return { filename: built, execArgv: [] };
  return { filename: join(__dirname, 'extraction.worker.ts'), execArgv: ['--require', require.resolve('@swc-node/register')] };
}

let shared: ExtractionPool | null = null;

/** The process's pool, started on first use. */
export function extractionPool(): ExtractionPool {
  shared ??= new ExtractionPool();
  return shared;
}

/** `extractReport` on the process's worker pool; see {@link ExtractionPool}. */
export function extractReportAsync(text: string, options: ExtractionOptions = {}): Promise<ExtractionResult> {
  return extractionPool().extract(text, options);
}

/** Ends the process's pool, if one was started. */
export async function closeExtractionPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

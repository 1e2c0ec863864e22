import type { DataSource, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS } from '../runtime/advisory-locks';
import { RebuildAlreadyRunningError } from './errors';

/**
 * The right to rebuild some projections: one session-level advisory lock per projection,
 * held on a connection of its own for as long as the rebuild runs, so that two processes
 * (the API and a CLI) never rebuild the same projection at once. If that connection drops
 * the lease lapses; a second rebuild could then start, which costs work but not correctness
 * (each swap is whole and each rebuild complete).
 */
export class RebuildLease {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly held: readonly string[],
  ) {}

  /** Takes every projection's lock or none; throws {@link RebuildAlreadyRunningError} if one is taken. */
  static async acquire(live: DataSource, projections: readonly string[]): Promise<RebuildLease> {
    const runner = live.createQueryRunner();
    await runner.connect();
    const held: string[] = [];
    try {
      for (const name of [...projections].sort()) {
        const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [ADVISORY_LOCKS.rebuildClassId, name]);
        if (!locked) throw new RebuildAlreadyRunningError(name, null);
        held.push(name);
      }
      return new RebuildLease(runner, held);
    } catch (error) {
      await new RebuildLease(runner, held).release();
      throw error;
    }
  }

  /** Lets go of the locks (explicitly: the connection goes back to a pool, where they would stay). */
  async release(): Promise<void> {
    try {
      for (const name of this.held) await this.runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ADVISORY_LOCKS.rebuildClassId, name]);
    } catch {
      // A broken connection has released its locks already.
    } finally {
      await this.runner.release();
    }
  }
}

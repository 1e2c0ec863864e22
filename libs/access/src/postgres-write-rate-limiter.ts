import type { Pool } from 'pg';
import { WriteRateLimiter } from './write-rate-limiter';

/** The bucket refilled to now, never above the burst ($2 = writes a minute). */
const REFILLED = `LEAST($2::float8, tokens + extract(epoch FROM clock_timestamp() - updated_at)::float8 / 60 * $2::float8)`;

/**
 * The write budget in PostgreSQL (`write_budget`, one row per actor), so that every API
 * instance on the database spends from the same one. Spending is one atomic upsert; two
 * instances that check at the same moment may each let one more write through, never more.
 */
export class PostgresWriteRateLimiter extends WriteRateLimiter {
  private spends = 0;
  /** Spends of this process still on their way, so that its next check sees them. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pool: Pool,
    perMinute: number,
  ) {
    super(perMinute);
  }

  async check(actor: string): Promise<number | null> {
    if (!this.enabled) return null;
    await this.pending.get(actor);
    const { rows } = await this.pool.query<{ tokens: number }>(`SELECT ${REFILLED} AS tokens FROM write_budget WHERE actor = $1`, [actor, this.perMinute]);
    return rows.length === 0 ? null : this.waitFor(rows[0].tokens);
  }

  async spend(actor: string): Promise<void> {
    if (!this.enabled) return;
    const spent = this.pool.query(
      `INSERT INTO write_budget AS b (actor, tokens, updated_at) VALUES ($1, $2::float8 - 1, clock_timestamp())
       ON CONFLICT (actor) DO UPDATE SET tokens = ${REFILLED.replaceAll('tokens', 'b.tokens').replaceAll('updated_at', 'b.updated_at')} - 1, updated_at = clock_timestamp()`,
      [actor, this.perMinute],
    );
    const settled = spent.catch(() => undefined);
    this.pending.set(actor, settled);
    void settled.then(() => this.pending.get(actor) === settled && this.pending.delete(actor));
    await spent;
    // A bucket untouched for a minute is full again: its row says nothing a missing row does not.
    if (++this.spends % 1000 === 0) await this.pool.query(`DELETE FROM write_budget WHERE updated_at < clock_timestamp() - interval '1 minute'`);
  }
}

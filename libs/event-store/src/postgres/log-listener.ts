import type { Pool, PoolClient } from 'pg';
import type { Doorbell } from '../shared/doorbell';
import { LOG_CHANNEL } from './append-transaction';

/**
 * One connection per store that LISTENs for commits from every process and rings the
 * doorbell, shared by all of the store's subscriptions. When it is lost, followers fall back
 * to polling until the next one reconnects it.
 */
export class LogListener {
  private client: PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly doorbell: Doorbell,
  ) {}

  /** Connects if not connected; never throws, since polling covers a missing listener. */
  async ensureListening(): Promise<void> {
    if (this.client || this.closed) return;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    await this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    this.drop();
  }

  private async connect(): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      client.on('notification', () => this.doorbell.ring());
      client.on('error', () => this.drop());
      await client.query(`LISTEN ${LOG_CHANNEL}`);
      if (this.closed) return client.release(true);
      this.client = client;
      // Commits may have happened while no one listened.
      this.doorbell.ring();
    } catch {
      client?.release(true);
    }
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      client.release(true);
      this.doorbell.ring();
    }
  }
}

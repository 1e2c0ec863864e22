import { ADVISORY_LOCKS } from '@storyline/projections';
import { Client } from 'pg';

/** A database session that can hold the projector's leadership lock. */
export interface LockSession {
  /** Takes the lock if nobody holds it; true when this session holds it now. */
  tryLock(): Promise<boolean>;
  /** Fails when the session is gone. */
  ping(): Promise<void>;
  /** Settles when the session ends by itself (the connection dropped). */
  readonly lost: Promise<void>;
  /** Ends the session, and with it the lock. */
  close(): Promise<void>;
}

/** An advisory lock of the two-integer form. */
export interface AdvisoryLockKey {
  readonly classId: number;
  readonly objectId: number;
}

/** How long a ping may take before the session counts as lost. */
const PING_TIMEOUT_MS = 5_000;

/**
 * The leadership lock as a session-level `pg_try_advisory_lock` on a connection of its own:
 * PostgreSQL releases it when that connection ends, so a leader that dies (or whose
 * connection drops) lets a standby take over without any timeout to tune.
 */
export class PostgresLockSession implements LockSession {
  readonly lost: Promise<void>;

  private constructor(
    private readonly client: Client,
    private readonly lock: AdvisoryLockKey,
  ) {
    this.lost = new Promise((resolve) => {
      client.once('end', () => resolve());
      client.on('error', () => resolve());
    });
  }

  /** `lock`: the projector's leadership unless another leadership (webhook deliveries) is named. */
  static async open(connectionString: string, applicationName = 'storyline-projector', lock: AdvisoryLockKey = ADVISORY_LOCKS.projectorLeader): Promise<PostgresLockSession> {
    const client = new Client({ connectionString, application_name: applicationName, keepAlive: true, query_timeout: PING_TIMEOUT_MS, connectionTimeoutMillis: PING_TIMEOUT_MS });
    const session = new PostgresLockSession(client, lock);
    try {
      await client.connect();
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  async tryLock(): Promise<boolean> {
    const { classId, objectId } = this.lock;
    const result = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [classId, objectId]);
    return result.rows[0].locked;
  }

  async ping(): Promise<void> {
    await this.client.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

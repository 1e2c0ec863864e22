import type { DataSource } from 'typeorm';

export type SubscriptionStatus = 'active' | 'paused' | 'failing';

/** A webhook subscription as stored: where to deliver, what, and how far it has got. */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly types: readonly string[] | null;
  readonly stories: readonly string[] | null;
  readonly secret: string;
  readonly status: SubscriptionStatus;
  /** The last log position handed on (delivered, or skipped by the filter). */
  readonly checkpoint: bigint;
  readonly delivered: number;
  /** Failed attempts at the event after the checkpoint; 0 once it is delivered. */
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastErrorAt: Date | null;
  readonly lastDeliveredAt: Date | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface NewSubscription {
  readonly id: string;
  readonly url: string;
  readonly types: readonly string[] | null;
  readonly stories: readonly string[] | null;
  readonly secret: string;
  readonly checkpoint: bigint;
  readonly createdBy: string;
}

interface Row {
  id: string;
  url: string;
  types: string[] | null;
  stories: string[] | null;
  secret: string;
  status: SubscriptionStatus;
  checkpoint: string;
  delivered: string;
  attempts: number;
  last_error: string | null;
  last_error_at: Date | null;
  last_delivered_at: Date | null;
  created_at: Date;
  created_by: string;
}

const fromRow = (row: Row): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  types: row.types,
  stories: row.stories,
  secret: row.secret,
  status: row.status,
  checkpoint: BigInt(row.checkpoint),
  delivered: Number(row.delivered),
  attempts: row.attempts,
  lastError: row.last_error,
  lastErrorAt: row.last_error_at,
  lastDeliveredAt: row.last_delivered_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/** TypeORM answers UPDATE and DELETE ... RETURNING as [rows, count], INSERT as rows. */
const returned = (result: unknown): Row[] => (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) ? result[0] : (result as Row[]));

/** The `webhook_subscriptions` table. */
export class WebhookStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(subscription: NewSubscription): Promise<WebhookSubscription> {
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, url, types, stories, secret, checkpoint, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [subscription.id, subscription.url, subscription.types, subscription.stories, subscription.secret, subscription.checkpoint.toString(), subscription.createdBy],
    );
    return fromRow(rows[0]);
  }

  async list(): Promise<WebhookSubscription[]> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM webhook_subscriptions ORDER BY created_at, id');
    return rows.map(fromRow);
  }

  async get(id: string): Promise<WebhookSubscription | null> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM webhook_subscriptions WHERE id = $1', [id]);
    return rows.length === 0 ? null : fromRow(rows[0]);
  }

  /** Pause or resume; resuming a failing subscription clears its failure and tries again. */
  async setStatus(id: string, status: SubscriptionStatus): Promise<WebhookSubscription | null> {
    const rows = returned(await this.dataSource.query(
      `UPDATE webhook_subscriptions SET status = $2, attempts = CASE WHEN $2 = 'active' THEN 0 ELSE attempts END
       WHERE id = $1 RETURNING *`,
      [id, status],
    ));
    return rows.length === 0 ? null : fromRow(rows[0]);
  }

  async remove(id: string): Promise<boolean> {
    const rows = returned(await this.dataSource.query('DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id', [id]));
    return rows.length > 0;
  }

  /** Moves the checkpoint forward (never back) and counts the deliveries made since the last call. */
  async advance(id: string, checkpoint: bigint, delivered: number, deliveredAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions
       SET checkpoint = GREATEST(checkpoint, $2), delivered = delivered + $3, attempts = 0,
           last_delivered_at = COALESCE($4, last_delivered_at)
       WHERE id = $1`,
      [id, checkpoint.toString(), delivered, deliveredAt],
    );
  }

  async recordFailure(id: string, attempts: number, error: string, parked: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_subscriptions
       SET attempts = $2, last_error = $3, last_error_at = now(), status = CASE WHEN $4 AND status = 'active' THEN 'failing' ELSE status END
       WHERE id = $1`,
      [id, attempts, error.slice(0, 1000), parked],
    );
  }
}

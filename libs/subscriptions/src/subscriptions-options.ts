import type { JetStreamOptions } from './broker/jetstream-publisher';
import type { DeliveryPolicy } from './webhooks/delivery-policy';

export const SUBSCRIPTIONS_OPTIONS = Symbol('SUBSCRIPTIONS_OPTIONS');

export interface SubscriptionsOptions {
  readonly databaseUrl: string;
  /** Hosts webhook URLs may name (STORYLINE_WEBHOOK_ALLOWED_HOSTS). */
  readonly allowedHosts: readonly string[];
  readonly delivery: DeliveryPolicy;
  /** Null: no JetStream publication (NATS_URL unset). */
  readonly jetstream: JetStreamOptions | null;
  /** Whether this process campaigns to deliver; the CLI only manages subscriptions. */
  readonly deliver: boolean;
}

import type { EventStore } from '@storyline/event-store';
import type { FollowerCheckpoints } from './broker/follower-checkpoints';
import type { DeliveryLeadership } from './delivery-leadership';
import type { SubscriptionStatus, WebhookStore } from './webhooks/webhook-store';

/** One subscription's figures, as /metrics shows them. */
export interface WebhookFigures {
  readonly subscription: string;
  readonly status: SubscriptionStatus;
  readonly checkpoint: number;
  readonly lag: number;
  readonly attempts: number;
  readonly delivered: number;
}

export interface SubscriptionFigures {
  /** 1 when this process delivers webhooks and publishes to JetStream. */
  readonly leader: boolean;
  readonly head: number;
  readonly webhooks: readonly WebhookFigures[];
  /** Null when NATS_URL is not set. */
  readonly jetstream: { readonly checkpoint: number; readonly lag: number } | null;
}

function family(name: string, type: 'gauge' | 'counter', help: string, samples: readonly [string, number][]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples.map(([labels, value]) => `${name}${labels} ${value}`)];
}

const label = (id: string): string => `{subscription="${id}"}`;

/**
 * The followers' figures for the metrics endpoint: read from the tables, so any instance
 * reports them (not only the one delivering). `figures()` for a metrics library to read;
 * `render()` as Prometheus text lines.
 */
export class SubscriptionMetrics {
  constructor(
    private readonly store: EventStore,
    private readonly webhooks: WebhookStore,
    private readonly checkpoints: FollowerCheckpoints,
    private readonly leadership: DeliveryLeadership,
    /** The JetStream publisher's checkpoint name; null when publication is off. */
    private readonly jetstreamCheckpoint: string | null,
  ) {}

  async figures(): Promise<SubscriptionFigures> {
    const [head, subscriptions, published] = await Promise.all([
      this.store.headPosition(),
      this.webhooks.list(),
      this.jetstreamCheckpoint ? this.checkpoints.read(this.jetstreamCheckpoint) : Promise.resolve(null),
    ]);
    return {
      leader: this.leadership.isLeader,
      head: Number(head),
      webhooks: subscriptions.map((s) => ({
        subscription: s.id,
        status: s.status,
        checkpoint: Number(s.checkpoint),
        lag: Number(head > s.checkpoint ? head - s.checkpoint : 0n),
        attempts: s.attempts,
        delivered: s.delivered,
      })),
      jetstream: published === null ? null : { checkpoint: Number(published), lag: Number(head > published ? head - published : 0n) },
    };
  }

  async render(): Promise<string[]> {
    const { leader, webhooks, jetstream } = await this.figures();
    const per = (pick: (w: WebhookFigures) => number): [string, number][] => webhooks.map((w) => [label(w.subscription), pick(w)]);
    return [
      ...family('storyline_deliveries_leader', 'gauge', '1 when this process delivers webhooks and publishes to JetStream.', [['', leader ? 1 : 0]]),
      ...family('storyline_webhook_checkpoint_position', 'gauge', 'The log position each webhook subscription has handed on.', per((w) => w.checkpoint)),
      ...family('storyline_webhook_lag_events', 'gauge', 'Log positions after each webhook subscription\'s checkpoint.', per((w) => w.lag)),
      ...family('storyline_webhook_failing', 'gauge', '1 when a webhook subscription is parked after failing deliveries.', per((w) => (w.status === 'failing' ? 1 : 0))),
      ...family('storyline_webhook_paused', 'gauge', '1 when a webhook subscription is paused.', per((w) => (w.status === 'paused' ? 1 : 0))),
      ...family('storyline_webhook_attempts', 'gauge', 'Failed attempts at the event after each subscription\'s checkpoint.', per((w) => w.attempts)),
      ...family('storyline_webhook_delivered_total', 'counter', 'Events each webhook subscription delivered.', per((w) => w.delivered)),
      ...(jetstream
        ? [
            ...family('storyline_jetstream_checkpoint_position', 'gauge', 'The log position JetStream has acknowledged.', [['', jetstream.checkpoint]]),
            ...family('storyline_jetstream_lag_events', 'gauge', 'Log positions not yet published to JetStream.', [['', jetstream.lag]]),
          ]
        : []),
    ];
  }
}

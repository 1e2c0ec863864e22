import { positionToJson } from '@storyline/story-events';
import { parseWith } from '@storyline/api-contract';
import { subscriptionParams } from './subscription-id';
import type { EventStore } from '@storyline/event-store';
import type { StoriesReader } from '@storyline/projections';
import { DomainError, newId } from '@storyline/story-events';
import { readSubscriptionRequest } from './subscription-input';
import type { SubscriptionStatus, WebhookStore, WebhookSubscription } from './webhook-store';

/** A subscription as the API shows it: never its secret. */
export interface SubscriptionView {
  readonly id: string;
  readonly url: string;
  readonly types: readonly string[] | null;
  readonly stories: readonly string[] | null;
  readonly status: SubscriptionStatus;
  readonly checkpoint: number;
  readonly head: number;
  /** Log positions after the checkpoint not yet handed on. */
  readonly lag: number;
  readonly delivered: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  readonly lastDeliveredAt: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export function view(subscription: WebhookSubscription, head: bigint): SubscriptionView {
  const { secret: _secret, checkpoint, ...rest } = subscription;
  return {
    ...rest,
    checkpoint: positionToJson(checkpoint),
    head: positionToJson(head),
    lag: Number(head > checkpoint ? head - checkpoint : 0n),
    lastErrorAt: subscription.lastErrorAt?.toISOString() ?? null,
    lastDeliveredAt: subscription.lastDeliveredAt?.toISOString() ?? null,
    createdAt: subscription.createdAt.toISOString(),
  };
}

export interface CreationContext {
  readonly allowedHosts: readonly string[];
  readonly stories: StoriesReader;
  readonly store: EventStore;
  readonly subscriptions: WebhookStore;
}

/** Checks a request (API body or CLI options) and stores the subscription, from the head unless `after` says. */
export async function createSubscription(body: unknown, actor: string, context: CreationContext): Promise<SubscriptionView> {
  const wanted = await readSubscriptionRequest(body, context.allowedHosts, context.stories);
  const head = await context.store.headPosition();
  const created = await context.subscriptions.create({ id: newId(), ...wanted, checkpoint: wanted.after ?? head, createdBy: actor });
  return view(created, head);
}

/** A subscription id from a URL or the CLI: a UUID, else 400 naming `id`. */
export function checkId(id: string): string {
  return parseWith(subscriptionParams, { id }).id.toLowerCase();
}

export function notFound(id: string): never {
  throw new DomainError('SUBSCRIPTION.NOT_FOUND', `no subscription has the id ${id}`, 'id');
}

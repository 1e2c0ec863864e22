import { integerParam, isoTime, jsonObject, positionNumber, uuid, z } from '@storyline/api-contract';
import { MAX_LIST, TYPE_NAME } from './feed/feed-input';
import type { Check, Fits } from '@storyline/api-contract';
import type { SubscriptionView } from './webhooks/subscription-view';

/*
 * The feed's and the webhooks' parameters, bodies and answers. The hand-written readers
 * (feed-input.ts, subscription-input.ts) keep the messages; http-schema.spec.ts keeps them agreeing.
 */

/** A log position; empty means the start of the log. */
const position = z.string().regex(/^(\d{1,15})?$/);
const typeName = TYPE_NAME.source.slice(1, -1);
/** Comma-separated event type names (spaces around a name allowed); empty means all. */
const typeList = z
  .string()
  .regex(new RegExp(`^(|\\s*${typeName}\\s*(,\\s*${typeName}\\s*){0,${MAX_LIST - 1}})$`))
  .meta({ description: 'comma-separated event types', example: 'FactReported,FactsLinked' });

export const feedQuery = z.object({
  after: position.optional().meta({ description: 'events after this global position (default 0)', example: '0' }),
  types: typeList.optional(),
  story: z.string().optional().meta({ description: 'comma-separated story slugs or ids', example: 'witkoff-back-channel' }),
  limit: integerParam(1, 1000).optional().meta({ description: '1 to 1000 events (default 100)', example: 100 }),
});

export const feedStreamQuery = feedQuery.omit({ limit: true }).extend({
  after: position.optional().meta({ description: 'start after this position (or send Last-Event-ID)' }),
});

export const FeedEvent = z
  .object({
    position: positionNumber,
    eventId: uuid,
    type: z.string().meta({ example: 'FactReported' }),
    story: uuid.nullable().meta({ description: 'the story of the event; null for other streams (sources)' }),
    streamId: z.string(),
    streamRevision: z.number().int(),
    schemaVersion: z.number().int(),
    recordedAt: isoTime,
    data: jsonObject,
    metadata: jsonObject.optional().meta({ description: 'for auditors, admins and admin-made subscriptions' }),
  })
  .meta({ id: 'FeedEvent' });

export const FeedPage = z
  .object({ events: z.array(FeedEvent), next: positionNumber.nullable().meta({ description: 'pass as `after`; null at the head' }), head: positionNumber })
  .meta({ id: 'FeedPage' });

export const FeedStream = z.string().meta({ description: 'text/event-stream: `id: <position>`, `event: <type>`, `data: <FeedEvent as JSON>`' });

export const subscriptionBody = z.strictObject({
  url: z.url().meta({ example: 'https://newsroom.example.org/storyline-hook' }),
  secret: z.string().regex(/^[\x21-\x7e]{16,200}$/).meta({ description: '16 to 200 printable characters without spaces, to check signatures' }),
  types: z.array(z.string()).max(100).nullable().optional().meta({ example: ['FactReported'] }),
  stories: z.array(z.string()).max(100).nullable().optional().meta({ example: ['witkoff-back-channel'] }),
  after: z.number().int().min(0).optional().meta({ description: 'deliver events after this position (default: the head now)' }),
});

export const Subscription = z
  .object({
    id: uuid,
    url: z.string(),
    types: z.array(z.string()).nullable(),
    stories: z.array(z.string()).nullable(),
    status: z.enum(['active', 'paused', 'failing']),
    checkpoint: positionNumber,
    head: positionNumber,
    lag: z.number().int(),
    delivered: z.number().int(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    lastErrorAt: isoTime.nullable(),
    lastDeliveredAt: isoTime.nullable(),
    createdAt: isoTime,
    createdBy: z.string(),
  })
  .meta({ id: 'Subscription', description: 'a webhook subscription, without its secret' });

export const SubscriptionList = z.object({ subscriptions: z.array(Subscription) }).meta({ id: 'SubscriptionList' });
export { subscriptionParams } from './webhooks/subscription-id';
export const DeletedSubscription = z.object({ deleted: uuid }).meta({ id: 'DeletedSubscription' });

export type SubscriptionFits = Check<Fits<SubscriptionView, typeof Subscription>>;

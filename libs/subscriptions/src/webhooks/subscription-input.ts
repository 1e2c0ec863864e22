import type { StoriesReader } from '@storyline/projections';
import { invalid } from '@storyline/story-events';
import { readStories, readTypes } from '../feed/feed-input';
import { checkWebhookUrl } from './webhook-target';

export interface SubscriptionRequest {
  readonly url: string;
  readonly types: string[] | null;
  readonly stories: string[] | null;
  readonly secret: string;
  /** Deliver events after this position; null: from the head of the log when created. */
  readonly after: bigint | null;
}

const FIELDS = new Set(['url', 'types', 'stories', 'secret', 'after']);

/** `POST /subscriptions`' body, checked field by field; stories resolved to ids. */
export async function readSubscriptionRequest(body: unknown, allowedHosts: readonly string[], stories: StoriesReader): Promise<SubscriptionRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('body', 'must be a JSON object {url, secret, types?, stories?, after?}');
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) throw invalid(unknown, `is not a field of a subscription (expected url, secret, types, stories, after)`);
  const url = checkWebhookUrl(input.url, allowedHosts);
  const { secret } = input;
  if (typeof secret !== 'string' || secret.length < 16 || secret.length > 200 || !/^[\x21-\x7e]+$/.test(secret)) {
    throw invalid('secret', 'is required: 16 to 200 printable characters without spaces, shared with the receiver to check signatures');
  }
  let after: bigint | null = null;
  if (input.after !== undefined && input.after !== null) {
    if (typeof input.after !== 'number' || !Number.isSafeInteger(input.after) || input.after < 0) throw invalid('after', 'must be a log position (a whole number >= 0)');
    after = BigInt(input.after);
  }
  if (input.types !== undefined && input.types !== null && !Array.isArray(input.types)) throw invalid('types', 'must be a list of event type names such as ["FactReported"]');
  if (input.stories !== undefined && input.stories !== null && !Array.isArray(input.stories)) throw invalid('stories', 'must be a list of story slugs or ids');
  return { url, secret, after, types: readTypes(input.types, 'types'), stories: await readStories(stories, input.stories, 'stories') };
}

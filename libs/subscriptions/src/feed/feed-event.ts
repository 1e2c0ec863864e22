import type { StoredEvent } from '@storyline/event-store';
import { STORY_STREAM_PREFIX, type Position } from '@storyline/story-events';

/** One event of the global log as the feed, webhooks and the broker hand it on. */
export interface FeedEvent {
  readonly position: Position;
  readonly eventId: string;
  readonly type: string;
  /** The story the event belongs to; null for events of other streams (sources). */
  readonly story: string | null;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly data: unknown;
  /** Who did it and how it was correlated: for auditors, admins and admin-made subscriptions. */
  readonly metadata?: Record<string, unknown>;
}

/** Which events a follower wants; an absent list means all of them. */
export interface EventFilter {
  readonly types?: readonly string[] | null;
  /** Story ids (not slugs). */
  readonly stories?: readonly string[] | null;
}

export const storyOf = (streamId: string): string | null =>
  streamId.startsWith(STORY_STREAM_PREFIX) ? streamId.slice(STORY_STREAM_PREFIX.length) : null;

export function toFeedEvent(event: StoredEvent, withMetadata: boolean): FeedEvent {
  const feed: FeedEvent = {
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    story: storyOf(event.streamId),
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
  };
  return withMetadata ? { ...feed, metadata: { ...event.metadata } } : feed;
}

/** The stream prefixes the store can filter on for a story filter (undefined: the whole log). */
export const streamPrefixesFor = (filter: EventFilter): string[] | undefined =>
  filter.stories && filter.stories.length > 0 ? filter.stories.map((id) => `${STORY_STREAM_PREFIX}${id}`) : undefined;

export function matches(filter: EventFilter, event: StoredEvent): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  if (filter.stories && filter.stories.length > 0) {
    const story = storyOf(event.streamId);
    if (story === null || !filter.stories.includes(story)) return false;
  }
  return true;
}

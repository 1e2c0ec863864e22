import type { StoredEvent } from '@storyline/event-store';
import type { SourceEvent, StoryEvent } from '@storyline/story-events';
import { evolveSource, initialSourceState, type SourceState } from './source-state';
import { emptyStoryState, evolveStory, type StoryState } from './story-state';
import type { Fold } from './stream-decider';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const storyFold: Fold<StoryState, StoryEvent> = {
  initial: emptyStoryState,
  evolve: (state, event, stored: StoredEvent) =>
    evolveStory(state, event, {
      position: stored.position,
      idempotencyKey: text(stored.metadata.idempotencyKey),
      requestFingerprint: text(stored.metadata.requestFingerprint),
    }),
};

export const sourceFold: Fold<SourceState, SourceEvent> = {
  initial: () => initialSourceState,
  evolve: (state, event) => evolveSource(state, event),
};

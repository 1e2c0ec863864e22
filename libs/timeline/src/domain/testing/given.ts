import type { SourceEvent, StoryEvent } from '@storyline/story-events';
import { evolveSource, initialSourceState, type SourceState } from '../source';
import { evolveStory, emptyStoryState, type StoryState } from '../story-state';

/**
 * The decider specs' one "given": a stream's past, folded as the handlers fold it. Each
 * event is recorded at the next position (1, 2, ...), as it would be in a fresh log.
 */
export const givenStory = (...events: StoryEvent[]): StoryState =>
  events.reduce((state, event, index) => evolveStory(state, event, { position: BigInt(index + 1) }), emptyStoryState());

export const givenSource = (...events: SourceEvent[]): SourceState => events.reduce((state, event) => evolveSource(state, event), initialSourceState);

import { DomainError, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { StoryState } from '../../domain/story-state';
import type { StoryStanding } from '../../membership-locator';

export interface MergeStories {
  /** The story merged away (its stream takes the event). */
  readonly storyId: string;
  readonly into: StoryStanding;
  readonly reason: string;
}

/** A story that exists and was not merged away, or the error naming `field`. */
export function requireStanding(state: StoryState, storyId: string, field: string): void {
  if (!state.opened) throw new DomainError('STORY.NOT_FOUND', `story ${storyId} does not exist`, field);
  if (state.mergedInto) throw new DomainError('STORY.MERGED', `story ${state.slug ?? storyId} was merged into ${state.mergedInto}; change that story instead`, field);
}

/** Refuses a merge into itself or into a merged story; the target was read from the read model. */
export function decideMergeStories(state: StoryState, command: MergeStories, _context: DecisionContext): Decision<StoryEvent, { intoStoryId: string }> {
  requireStanding(state, command.storyId, 'story');
  const { into } = command;
  if (into.id === command.storyId) throw new DomainError('STORY.SAME_STORY', 'a story cannot be merged into itself', 'into');
  if (into.mergedInto) throw new DomainError('STORY.MERGED', `story ${into.slug} was itself merged into ${into.mergedInto}; merge into that one`, 'into');
  return { events: [{ type: 'StoryMerged', data: { storyId: command.storyId, intoStoryId: into.id, reason: command.reason } }], outcome: { intoStoryId: into.id } };
}

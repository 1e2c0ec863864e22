import { DomainError, type StoryEvent } from '@storyline/story-events';
import { requireStanding } from '../../command-handling/membership';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { StoryState } from '../../command-handling/story-state';
import type { StoryStanding } from '../../membership-locator';

export interface MergeStories {
  /** The story merged away (its stream takes the event). */
  readonly storyId: string;
  readonly into: StoryStanding;
  readonly reason: string;
}

/** Refuses a merge into itself or into a merged story; the target was read from the read model. */
export function decideMergeStories(state: StoryState, command: MergeStories, _context: DecisionContext): Decision<StoryEvent, { intoStoryId: string }> {
  requireStanding(state, command.storyId, 'story');
  const { into } = command;
  if (into.id === command.storyId) throw new DomainError('STORY.SAME_STORY', 'a story cannot be merged into itself', 'into');
  if (into.mergedInto) throw new DomainError('STORY.MERGED', `story ${into.slug} was itself merged into ${into.mergedInto}; merge into that one`, 'into');
  return { events: [{ type: 'StoryMerged', data: { storyId: command.storyId, intoStoryId: into.id, reason: command.reason } }], outcome: { intoStoryId: into.id } };
}

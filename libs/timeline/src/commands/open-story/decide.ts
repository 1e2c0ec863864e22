import { DomainError, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { StoryState } from '../../command-handling/story-state';

export interface OpenStory {
  /** The id computed from the slug: opening the same slug twice meets the same stream. */
  readonly storyId: string;
  readonly slug: string;
  readonly title: string;
}

export function decideOpenStory(state: StoryState, command: OpenStory, _context: DecisionContext): Decision<StoryEvent, { storyId: string }> {
  if (state.opened) throw new DomainError('STORY.SLUG_TAKEN', `the slug "${command.slug}" is taken`, 'slug');
  return { events: [{ type: 'StoryOpened', data: { storyId: command.storyId, slug: command.slug, title: command.title } }], outcome: { storyId: command.storyId } };
}

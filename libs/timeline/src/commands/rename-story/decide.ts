import { DomainError, type StoryEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { StoryState } from '../../command-handling/story-state';
import { requireStanding } from '../../command-handling/membership';

export interface RenameStory {
  readonly storyId: string;
  readonly slug: string | null;
  readonly title: string | null;
  /** Another story that holds or held the new slug, or whose opening stream it names. */
  readonly slugHeldBy: string | null;
  readonly reason: string;
}

/** Renames a story; the same slug and title again change nothing (`renamed: false`). */
export function decideRenameStory(state: StoryState, command: RenameStory, _context: DecisionContext): Decision<StoryEvent, { slug: string; renamed: boolean }> {
  requireStanding(state, command.storyId, 'story');
  const previousSlug = state.slug ?? '';
  const previousTitle = state.title ?? '';
  const slug = command.slug ?? previousSlug;
  const title = command.title ?? previousTitle;
  if (command.slugHeldBy !== null && command.slugHeldBy !== command.storyId) throw new DomainError('STORY.SLUG_TAKEN', `the slug "${slug}" is taken`, 'slug');
  if (slug === previousSlug && title === previousTitle) return { events: [], outcome: { slug, renamed: false } };
  return {
    events: [{ type: 'StoryRenamed', data: { storyId: command.storyId, slug, title, previousSlug, previousTitle, reason: command.reason } }],
    outcome: { slug, renamed: true },
  };
}

import type { ResolvedStory, StoriesReader } from './stories.reader';
import { DomainError, type AsOf } from '@storyline/story-events';

/**
 * The story a URL names by id or slug (a current or an earlier slug), or STORY.NOT_FOUND. A
 * story merged before the view answers as the story it went into, with `mergedFrom`.
 */
export async function resolveStory(stories: StoriesReader, ref: string, view: AsOf = {}): Promise<ResolvedStory> {
  const story = await stories.resolveInView(ref, view);
  if (!story) throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
  return story;
}

/** The story a URL names, never following a merge: what replay reads (exactly the stream stored). */
export async function resolveStoryAsNamed(stories: StoriesReader, ref: string): Promise<ResolvedStory> {
  const story = await stories.resolve(ref);
  if (!story) throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
  return story;
}

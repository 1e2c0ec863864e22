import type { StoriesReader } from '@storyline/projections';
import { DomainError } from '../../domain/errors';
import type { StorySummary } from './list-stories.query';

/** The story a URL names by id or slug, or STORY.NOT_FOUND. */
export async function resolveStory(stories: StoriesReader, ref: string): Promise<StorySummary> {
  const story = await stories.resolve(ref);
  if (!story) throw new DomainError('STORY.NOT_FOUND', `no story has the id or slug "${ref.slice(0, 80)}"`, 'story');
  return story;
}

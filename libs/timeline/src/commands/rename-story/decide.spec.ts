import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import { decideRenameStory, type RenameStory } from './decide';
import { parseRenameStory } from './request';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'a', slug: 'alpha', title: 'Alpha' } };
const rename = (overrides: Partial<RenameStory> = {}): RenameStory => ({ storyId: 'a', slug: null, title: null, slugHeldBy: null, reason: 'clearer', ...overrides });

describe('renaming a story', () => {
  it('changes the title alone, keeping the slug', () => {
    givenStory(opened)
      .when(decideRenameStory, rename({ title: 'Alpha talks' }))
      .then([{ type: 'StoryRenamed', data: { storyId: 'a', slug: 'alpha', title: 'Alpha talks', previousSlug: 'alpha', previousTitle: 'Alpha', reason: 'clearer' } }]);
  });

  it('renames from the latest name after an earlier rename', () => {
    const first: StoryEvent = { type: 'StoryRenamed', data: { storyId: 'a', slug: 'alpha-2', title: 'Alpha 2', previousSlug: 'alpha', previousTitle: 'Alpha', reason: 'r' } };
    const [event] = givenStory(opened, first).when(decideRenameStory, rename({ slug: 'alpha-3' })).events;
    expect(event.data).toMatchObject({ slug: 'alpha-3', title: 'Alpha 2', previousSlug: 'alpha-2' });
  });

  it('changes nothing when the name is the same', () => {
    givenStory(opened).when(decideRenameStory, rename({ slug: 'alpha', title: 'Alpha', slugHeldBy: 'a' })).thenNothing().thenOutcome({ renamed: false });
  });

  it('refuses a slug another story holds, and a merged story', () => {
    givenStory(opened).when(decideRenameStory, rename({ slug: 'beta', slugHeldBy: 'b' })).thenRefused({ code: 'STORY.SLUG_TAKEN', field: 'slug' });
    const merged: StoryEvent = { type: 'StoryMerged', data: { storyId: 'a', intoStoryId: 'b', reason: 'r' } };
    givenStory(opened, merged).when(decideRenameStory, rename({ title: 'T' })).thenRefused({ code: 'STORY.MERGED', field: 'story' });
  });

  it('needs a slug or a title', () => {
    expect(() => parseRenameStory({ reason: 'r' })).toThrow(expect.objectContaining({ field: 'slug' }));
    expect(parseRenameStory({ title: 'T', reason: 'r' })).toEqual({ slug: null, title: 'T', reason: 'r' });
  });
});

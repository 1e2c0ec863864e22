import type { StoryEvent } from '@storyline/story-events';
import type { DecisionContext } from '../../command-handling/decider';
import { givenStory as given } from '../../domain/testing/given';
import { decideRenameStory, type RenameStory } from './decide';

const context: DecisionContext = { idempotencyKey: null, newId: () => 'new-id' };
const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'a', slug: 'alpha', title: 'Alpha' } };
const rename = (overrides: Partial<RenameStory> = {}): RenameStory => ({ storyId: 'a', slug: null, title: null, slugHeldBy: null, reason: 'clearer', ...overrides });

describe('renaming a story', () => {
  it('changes the title alone, keeping the slug', () => {
    expect(decideRenameStory(given(opened), rename({ title: 'Alpha talks' }), context).events).toEqual([
      { type: 'StoryRenamed', data: { storyId: 'a', slug: 'alpha', title: 'Alpha talks', previousSlug: 'alpha', previousTitle: 'Alpha', reason: 'clearer' } },
    ]);
  });

  it('renames from the latest name after an earlier rename', () => {
    const first: StoryEvent = { type: 'StoryRenamed', data: { storyId: 'a', slug: 'alpha-2', title: 'Alpha 2', previousSlug: 'alpha', previousTitle: 'Alpha', reason: 'r' } };
    expect(decideRenameStory(given(opened, first), rename({ slug: 'alpha-3' }), context).events[0].data).toMatchObject({ slug: 'alpha-3', title: 'Alpha 2', previousSlug: 'alpha-2' });
  });

  it('changes nothing when the name is the same', () => {
    expect(decideRenameStory(given(opened), rename({ slug: 'alpha', title: 'Alpha', slugHeldBy: 'a' }), context)).toEqual({ events: [], outcome: { slug: 'alpha', renamed: false } });
  });

  it('refuses a slug another story holds, and a merged story', () => {
    expect(() => decideRenameStory(given(opened), rename({ slug: 'beta', slugHeldBy: 'b' }), context)).toThrow(expect.objectContaining({ code: 'STORY.SLUG_TAKEN', field: 'slug' }));
    const merged: StoryEvent = { type: 'StoryMerged', data: { storyId: 'a', intoStoryId: 'b', reason: 'r' } };
    expect(() => decideRenameStory(given(opened, merged), rename({ title: 'T' }), context)).toThrow(expect.objectContaining({ code: 'STORY.MERGED' }));
  });
});

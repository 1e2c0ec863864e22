import type { StoryEvent } from '@storyline/story-events';
import type { DecisionContext } from '../../command-handling/decider';
import { emptyStoryState } from '../../domain/story-state';
import { givenStory as given } from '../../domain/testing/given';
import type { StoryStanding } from '../../membership-locator';
import { decideMergeStories } from './decide';

const context: DecisionContext = { idempotencyKey: null, newId: () => 'new-id' };
const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'a', slug: 'alpha', title: 'Alpha' } };
const beta: StoryStanding = { id: 'b', slug: 'beta', title: 'Beta', mergedInto: null };

describe('merging stories', () => {
  it('merges a story into another, with the reason', () => {
    expect(decideMergeStories(given(opened), { storyId: 'a', into: beta, reason: 'same events' }, context)).toEqual({
      events: [{ type: 'StoryMerged', data: { storyId: 'a', intoStoryId: 'b', reason: 'same events' } }],
      outcome: { intoStoryId: 'b' },
    });
  });

  it('refuses a merge into itself', () => {
    expect(() => decideMergeStories(given(opened), { storyId: 'a', into: { ...beta, id: 'a' }, reason: 'r' }, context)).toThrow(
      expect.objectContaining({ code: 'STORY.SAME_STORY', field: 'into' }),
    );
  });

  it('refuses a merge into a merged story', () => {
    expect(() => decideMergeStories(given(opened), { storyId: 'a', into: { ...beta, mergedInto: 'c' }, reason: 'r' }, context)).toThrow(
      expect.objectContaining({ code: 'STORY.MERGED', field: 'into' }),
    );
  });

  it('refuses to merge a story twice, or one that does not exist', () => {
    const merged: StoryEvent = { type: 'StoryMerged', data: { storyId: 'a', intoStoryId: 'c', reason: 'r' } };
    expect(() => decideMergeStories(given(opened, merged), { storyId: 'a', into: beta, reason: 'r' }, context)).toThrow(
      expect.objectContaining({ code: 'STORY.MERGED', field: 'story' }),
    );
    expect(() => decideMergeStories(emptyStoryState(), { storyId: 'a', into: beta, reason: 'r' }, context)).toThrow(
      expect.objectContaining({ code: 'STORY.NOT_FOUND', field: 'story' }),
    );
  });
});

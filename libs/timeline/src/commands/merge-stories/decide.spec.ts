import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import type { StoryStanding } from '../../membership-locator';
import { decideMergeStories } from './decide';
import { parseMergeStories } from './request';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'a', slug: 'alpha', title: 'Alpha' } };
const merged: StoryEvent = { type: 'StoryMerged', data: { storyId: 'a', intoStoryId: 'c', reason: 'r' } };
const beta: StoryStanding = { id: 'b', slug: 'beta', title: 'Beta', mergedInto: null };

describe('merging stories', () => {
  it('merges a story into another, with the reason', () => {
    givenStory(opened)
      .when(decideMergeStories, { storyId: 'a', into: beta, reason: 'same events' })
      .then([{ type: 'StoryMerged', data: { storyId: 'a', intoStoryId: 'b', reason: 'same events' } }])
      .thenOutcome({ intoStoryId: 'b' });
  });

  it('refuses a merge into itself', () => {
    givenStory(opened).when(decideMergeStories, { storyId: 'a', into: { ...beta, id: 'a' }, reason: 'r' }).thenRefused({ code: 'STORY.SAME_STORY', field: 'into' });
  });

  it('refuses a merge into a merged story', () => {
    givenStory(opened).when(decideMergeStories, { storyId: 'a', into: { ...beta, mergedInto: 'c' }, reason: 'r' }).thenRefused({ code: 'STORY.MERGED', field: 'into' });
  });

  it('refuses to merge a story twice, or one that does not exist', () => {
    givenStory(opened, merged).when(decideMergeStories, { storyId: 'a', into: beta, reason: 'r' }).thenRefused({ code: 'STORY.MERGED', field: 'story' });
    givenStory().when(decideMergeStories, { storyId: 'a', into: beta, reason: 'r' }).thenRefused({ code: 'STORY.NOT_FOUND', field: 'story' });
  });

  it('reads into and reason, naming the field at fault', () => {
    expect(parseMergeStories({ into: 'beta', reason: ' same ' })).toEqual({ into: 'beta', reason: 'same' });
    expect(() => parseMergeStories({ into: 'Not a slug', reason: 'r' })).toThrow(expect.objectContaining({ field: 'into' }));
    expect(() => parseMergeStories({ into: 'beta' })).toThrow(expect.objectContaining({ field: 'reason' }));
  });
});

import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import { decideOpenStory } from './decide';
import { parseOpenStory } from './request';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 's1', slug: 'talks', title: 'Talks' } };

describe('opening a story', () => {
  it('opens a story that does not exist yet', () => {
    givenStory().when(decideOpenStory, { storyId: 's1', slug: 'talks', title: 'Talks' }).then([opened]).thenOutcome({ storyId: 's1' });
  });

  it('refuses a slug that is taken', () => {
    givenStory(opened).when(decideOpenStory, { storyId: 's1', slug: 'talks', title: 'Other' }).thenRefused({ code: 'STORY.SLUG_TAKEN', field: 'slug' });
  });

  it('reads slug and title, naming the field at fault', () => {
    expect(parseOpenStory({ slug: 'talks', title: ' Talks ' })).toEqual({ slug: 'talks', title: 'Talks' });
    expect(() => parseOpenStory({ slug: 'Not A Slug', title: 'T' })).toThrow(expect.objectContaining({ field: 'slug' }));
    expect(() => parseOpenStory({ slug: 'talks', title: 'T', colour: 'red' })).toThrow(expect.objectContaining({ field: 'colour' }));
  });
});

import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import { F1, F2, reportedStory } from '../../command-handling/testing/reported-story';
import { decideLinkFacts } from './decide';
import { parseLink } from './request';

const link = { storyId: 's', ...parseLink({ fromFactId: F2, toFactId: F1, kind: 'contradicts', reason: 'different counterpart' }) };
const linked: StoryEvent = { type: 'FactsLinked', data: { storyId: 's', linkId: 'L1', fromFactId: F2, toFactId: F1, kind: 'contradicts', reason: 'different counterpart' } };

describe('linking two facts', () => {
  it('links two facts once; asking again answers with the first link', () => {
    givenStory(...reportedStory).when(decideLinkFacts, link).then([{ ...linked, data: { ...linked.data, linkId: 'id-1' } } as StoryEvent]).thenOutcome({ linkId: 'id-1', created: true });
    givenStory(...reportedStory, linked).when(decideLinkFacts, link).thenNothing().thenOutcome({ linkId: 'L1', created: false });
  });

  it('refuses a fact linked to itself, facts it does not know, and a story never opened', () => {
    givenStory(...reportedStory).when(decideLinkFacts, { ...link, toFactId: F2 }).thenRefused({ field: 'toFactId' });
    givenStory(...reportedStory).when(decideLinkFacts, { ...link, fromFactId: 'f9' }).thenRefused({ code: 'FACT.NOT_FOUND', field: 'fromFactId' });
    givenStory().when(decideLinkFacts, link).thenRefused({ code: 'STORY.NOT_FOUND', field: 'story' });
  });

  it('names bad input', () => {
    expect(() => parseLink({ fromFactId: F1, toFactId: F2, kind: 'agrees' })).toThrow(expect.objectContaining({ field: 'kind' }));
  });
});

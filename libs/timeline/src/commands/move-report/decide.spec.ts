import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import type { StoryStanding } from '../../membership-locator';
import { decideMoveReport } from './decide';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'a', slug: 'alpha', title: 'Alpha' } };
const beta: StoryStanding = { id: 'b', slug: 'beta', title: 'Beta', mergedInto: null };

describe('moving a report', () => {
  it('moves a report from its story to another', () => {
    givenStory(opened)
      .when(decideMoveReport, { storyId: 'a', reportId: 'r1', to: beta, reason: 'about beta' })
      .then([{ type: 'ReportMoved', data: { storyId: 'a', reportId: 'r1', toStoryId: 'b', reason: 'about beta' } }])
      .thenOutcome({ moved: true });
  });

  it('changes nothing when the report is already in the target', () => {
    givenStory(opened).when(decideMoveReport, { storyId: 'a', reportId: 'r1', to: { ...beta, id: 'a' }, reason: 'r' }).thenNothing().thenOutcome({ moved: false });
  });

  it('refuses a move to a merged story', () => {
    givenStory(opened).when(decideMoveReport, { storyId: 'a', reportId: 'r1', to: { ...beta, mergedInto: 'c' }, reason: 'r' }).thenRefused({ code: 'STORY.MERGED', field: 'to' });
  });
});

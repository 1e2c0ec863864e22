import type { StoryEvent } from '@storyline/story-events';
import type { DecisionContext } from '../../command-handling/decider';
import { givenStory as given } from '../../domain/testing/given';
import type { StoryStanding } from '../../membership-locator';
import { decideMoveReport } from './decide';

const context: DecisionContext = { idempotencyKey: null, newId: () => 'new-id' };
const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'a', slug: 'alpha', title: 'Alpha' } };
const beta: StoryStanding = { id: 'b', slug: 'beta', title: 'Beta', mergedInto: null };

describe('moving a report', () => {
  it('moves a report from its story to another', () => {
    expect(decideMoveReport(given(opened), { storyId: 'a', reportId: 'r1', to: beta, reason: 'about beta' }, context)).toEqual({
      events: [{ type: 'ReportMoved', data: { storyId: 'a', reportId: 'r1', toStoryId: 'b', reason: 'about beta' } }],
      outcome: { moved: true },
    });
  });

  it('changes nothing when the report is already in the target', () => {
    expect(decideMoveReport(given(opened), { storyId: 'a', reportId: 'r1', to: { ...beta, id: 'a' }, reason: 'r' }, context)).toEqual({ events: [], outcome: { moved: false } });
  });

  it('refuses a move to a merged story', () => {
    expect(() => decideMoveReport(given(opened), { storyId: 'a', reportId: 'r1', to: { ...beta, mergedInto: 'c' }, reason: 'r' }, context)).toThrow(
      expect.objectContaining({ code: 'STORY.MERGED', field: 'to' }),
    );
  });
});

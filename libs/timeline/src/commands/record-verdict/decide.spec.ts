import { givenStory } from '../../command-handling/testing/given';
import { F1, reportedStory } from '../../command-handling/testing/reported-story';
import { decideRecordVerdict } from './decide';
import { parseVerdict } from './request';

describe('recording a verdict', () => {
  it('records a verdict with its reason', () => {
    givenStory(...reportedStory)
      .when(decideRecordVerdict, { storyId: 's', factId: F1, ...parseVerdict({ verdict: 'disputed', reason: 'two outlets differ' }) })
      .then([{ type: 'VerdictRecorded', data: { storyId: 's', factId: F1, verdict: 'disputed', reason: 'two outlets differ' } }]);
  });

  it('refuses a fact it does not know, and names bad input', () => {
    givenStory(...reportedStory).when(decideRecordVerdict, { storyId: 's', factId: 'f9', verdict: 'confirmed', reason: 'r' }).thenRefused({ code: 'FACT.NOT_FOUND' });
    expect(() => parseVerdict({ verdict: 'true', reason: 'r' })).toThrow(expect.objectContaining({ field: 'verdict' }));
  });
});

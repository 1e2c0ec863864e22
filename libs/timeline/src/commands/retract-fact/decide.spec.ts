import { givenStory } from '../../command-handling/testing/given';
import { F1, reportedStory, retractedF1 } from '../../command-handling/testing/reported-story';
import { decideRetractFact } from './decide';
import { parseRetraction } from './request';

const retract = (body: unknown, factId = F1) => ({ storyId: 's', factId, ...parseRetraction(body) });

describe('retracting a fact', () => {
  it('retracts once; a second retraction changes nothing', () => {
    givenStory(...reportedStory).when(decideRetractFact, retract({ reason: 'withdrawn', retractedAt: '2025-11-22' })).then([retractedF1]);
    givenStory(...reportedStory, retractedF1).when(decideRetractFact, retract({ reason: 'withdrawn', retractedAt: '2025-11-22' })).thenNothing();
  });

  it('refuses a retraction dated before the report, and facts it does not know', () => {
    givenStory(...reportedStory).when(decideRetractFact, retract({ reason: 'r', retractedAt: '2025-11-01' })).thenRefused({ field: 'retractedAt' });
    givenStory(...reportedStory).when(decideRetractFact, retract({ reason: 'r', retractedAt: '2025-11-22' }, 'f9')).thenRefused({ code: 'FACT.NOT_FOUND', field: 'fact' });
  });

  it('names bad input', () => {
    expect(() => parseRetraction({ reason: 'r' })).toThrow(expect.objectContaining({ field: 'retractedAt' }));
  });
});

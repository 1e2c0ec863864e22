import { givenStory } from '../../command-handling/testing/given';
import { F1, R1, reportedStory, retractedF1 } from '../../command-handling/testing/reported-story';
import { decideAmendFact } from './decide';
import { parseAmendment } from './request';

const amend = (body: unknown, factId = F1) => ({ storyId: 's', factId, ...parseAmendment(body) });

describe('amending a fact', () => {
  it('amends a fact with the changes and the reason', () => {
    givenStory(...reportedStory)
      .when(decideAmendFact, amend({ changes: { statement: 'A, precisely' }, reason: 'typo in our transcription' }))
      .then([{ type: 'FactAmended', data: { storyId: 's', factId: F1, changes: { statement: 'A, precisely' }, reason: 'typo in our transcription' } }]);
  });

  it('refuses evidence beyond the report text, and facts it does not know', () => {
    givenStory(...reportedStory).when(decideAmendFact, amend({ changes: { evidence: { start: 0, end: 99 } }, reason: 'r' })).thenRefused({ field: 'changes.evidence.end' });
    givenStory(...reportedStory).when(decideAmendFact, amend({ changes: { evidence: { start: 5, end: 5 } }, reason: 'r' })).thenRefused({ field: 'changes.evidence.end' });
    givenStory(...reportedStory).when(decideAmendFact, amend({ changes: { statement: 'x' }, reason: 'r' }, R1)).thenRefused({ code: 'FACT.NOT_FOUND', field: 'fact' });
  });

  it('refuses to amend a retracted fact', () => {
    givenStory(...reportedStory, retractedF1).when(decideAmendFact, amend({ changes: { statement: 'x' }, reason: 'r' })).thenRefused({ code: 'FACT.RETRACTED' });
  });

  it('names bad input', () => {
    expect(() => parseAmendment({ changes: {}, reason: 'r' })).toThrow(expect.objectContaining({ field: 'changes' }));
    expect(() => parseAmendment({ changes: { statement: 'x' } })).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => parseAmendment({ changes: { colour: 'red' }, reason: 'r' })).toThrow(expect.objectContaining({ field: 'changes.colour' }));
  });
});

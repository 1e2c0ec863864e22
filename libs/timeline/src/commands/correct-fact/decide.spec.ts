import { givenStory } from '../../command-handling/testing/given';
import { F1, F2, R1, reportedStory, retractedF1 } from '../../command-handling/testing/reported-story';
import { decideCorrectFact } from './decide';
import { parseCorrection } from './request';

const correct = (body: unknown) => ({ storyId: 's', factId: F1, ...parseCorrection(body) });

describe('correcting a fact', () => {
  it('records a correction with its date and the report that carried it', () => {
    const when = givenStory(...reportedStory).when(decideCorrectFact, correct({ changes: { modality: 'denial' }, reason: 'the outlet corrected it', correctedAt: '2025-11-21', reportId: R1 }));
    when.then([{ type: 'FactCorrected', data: { storyId: 's', factId: F1, changes: { modality: 'denial' }, reason: 'the outlet corrected it', correctedAt: '2025-11-21T00:00:00.000Z', reportId: R1 } }]);
  });

  it('refuses a correction dated before the report, or citing a report not in the story', () => {
    givenStory(...reportedStory).when(decideCorrectFact, correct({ changes: { statement: 'x' }, reason: 'r', correctedAt: '2025-11-19' })).thenRefused({ field: 'correctedAt' });
    givenStory(...reportedStory).when(decideCorrectFact, correct({ changes: { statement: 'x' }, reason: 'r', correctedAt: '2025-11-21', reportId: F2 })).thenRefused({ code: 'REPORT.NOT_FOUND', field: 'reportId' });
  });

  it('refuses to correct a retracted fact', () => {
    givenStory(...reportedStory, retractedF1).when(decideCorrectFact, correct({ changes: { statement: 'x' }, reason: 'r', correctedAt: '2025-11-23' })).thenRefused({ code: 'FACT.RETRACTED' });
  });

  it('names bad input', () => {
    expect(() => parseCorrection({ changes: { statement: 'x' }, reason: 'r' })).toThrow(expect.objectContaining({ field: 'correctedAt' }));
    expect(() => parseCorrection({ changes: { statement: 'x' }, reason: 'r', correctedAt: '2025-11-21', reportId: 'r1' })).toThrow(expect.objectContaining({ field: 'reportId' }));
  });
});

import type { StoryEvent } from '@storyline/story-events';
import {
  decideAmendFact,
  decideCorrectFact,
  decideLinkFacts,
  decideRecordVerdict,
  decideRetractFact,
  parseAmendment,
  parseCorrection,
  parseLink,
  parseRetraction,
  parseVerdict,
} from './fact-changes';
import type { StoryState } from './story';
import { givenStory } from './testing/given';

const F1 = '11111111-1111-4111-8111-111111111111';
const F2 = '22222222-2222-4222-8222-222222222222';
const R1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const history: StoryEvent[] = [
  { type: 'StoryOpened', data: { storyId: 's', slug: 's', title: 'S' } },
  { type: 'ReportIngested', data: { storyId: 's', reportId: R1, outlet: 'Wire', publishedAt: '2025-11-20T00:00:00.000Z', headline: null, byline: null, dateline: null, url: null, text: 'Twenty chars of text', textSha256: 'h', language: null } },
  { type: 'FactReported', data: { storyId: 's', factId: F1, reportId: R1, statement: 'A', evidence: { start: 0, end: 6 }, attributedTo: null, modality: 'asserted', occurred: null, entities: [], attribution: null } },
  { type: 'FactReported', data: { storyId: 's', factId: F2, reportId: R1, statement: 'B', evidence: { start: 7, end: 12 }, attributedTo: null, modality: 'asserted', occurred: null, entities: [], attribution: null } },
];
const given = (...more: StoryEvent[]): StoryState => givenStory(...history, ...more);
const retracted: StoryEvent = { type: 'FactRetracted', data: { storyId: 's', factId: F1, reason: 'withdrawn', retractedAt: '2025-11-22T00:00:00.000Z', reportId: null } };

describe('changing facts after they were reported', () => {
  it('amends a fact with the changes and the reason', () => {
    const amendment = parseAmendment({ changes: { statement: 'A, precisely' }, reason: 'typo in our transcription' });
    expect(decideAmendFact(given(), 's', F1, amendment)).toEqual([
      { type: 'FactAmended', data: { storyId: 's', factId: F1, changes: { statement: 'A, precisely' }, reason: 'typo in our transcription' } },
    ]);
  });

  it('refuses evidence beyond the report text, and facts it does not know', () => {
    expect(() => decideAmendFact(given(), 's', F1, parseAmendment({ changes: { evidence: { start: 0, end: 99 } }, reason: 'r' }))).toThrow(
      expect.objectContaining({ field: 'changes.evidence.end' }),
    );
    expect(() => decideAmendFact(given(), 's', R1, parseAmendment({ changes: { statement: 'x' }, reason: 'r' }))).toThrow(expect.objectContaining({ code: 'FACT.NOT_FOUND' }));
  });

  it('records a correction, but not one dated before the report, nor one citing a report not in the story', () => {
    const early = parseCorrection({ changes: { statement: 'x' }, reason: 'r', correctedAt: '2025-11-19' });
    expect(() => decideCorrectFact(given(), 's', F1, early)).toThrow(expect.objectContaining({ field: 'correctedAt' }));
    const elsewhere = parseCorrection({ changes: { statement: 'x' }, reason: 'r', correctedAt: '2025-11-21', reportId: F2 });
    expect(() => decideCorrectFact(given(), 's', F1, elsewhere)).toThrow(expect.objectContaining({ code: 'REPORT.NOT_FOUND' }));
    const fine = parseCorrection({ changes: { modality: 'denial' }, reason: 'the outlet corrected it', correctedAt: '2025-11-21', reportId: R1 });
    expect(decideCorrectFact(given(), 's', F1, fine)[0]).toMatchObject({ type: 'FactCorrected', data: { correctedAt: '2025-11-21T00:00:00.000Z', reportId: R1 } });
  });

  it('retracts once; a second retraction changes nothing; a retracted fact cannot be amended', () => {
    const retraction = parseRetraction({ reason: 'withdrawn', retractedAt: '2025-11-22' });
    expect(decideRetractFact(given(), 's', F1, retraction)).toEqual([retracted]);
    expect(decideRetractFact(given(retracted), 's', F1, retraction)).toEqual([]);
    expect(() => decideAmendFact(given(retracted), 's', F1, parseAmendment({ changes: { statement: 'x' }, reason: 'r' }))).toThrow(
      expect.objectContaining({ code: 'FACT.RETRACTED' }),
    );
  });

  it('links two facts once, and refuses a fact linked to itself', () => {
    const link = parseLink({ fromFactId: F2, toFactId: F1, kind: 'contradicts', reason: 'different counterpart' });
    const first = decideLinkFacts(given(), 's', 'L1', link);
    expect(first).toEqual({ linkId: 'L1', events: [{ type: 'FactsLinked', data: { storyId: 's', linkId: 'L1', ...link } }] });
    expect(decideLinkFacts(given(...first.events), 's', 'L2', link)).toEqual({ linkId: 'L1', events: [] });
    expect(() => decideLinkFacts(given(), 's', 'L3', { ...link, toFactId: F2 })).toThrow(expect.objectContaining({ field: 'toFactId' }));
  });

  it('records verdicts with a reason, and names bad input', () => {
    expect(decideRecordVerdict(given(), 's', F1, parseVerdict({ verdict: 'disputed', reason: 'two outlets differ' }))[0].type).toBe('VerdictRecorded');
    expect(() => parseVerdict({ verdict: 'true', reason: 'r' })).toThrow(expect.objectContaining({ field: 'verdict' }));
    expect(() => parseAmendment({ changes: {}, reason: 'r' })).toThrow(expect.objectContaining({ field: 'changes' }));
    expect(() => parseAmendment({ changes: { statement: 'x' } })).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => parseLink({ fromFactId: F1, toFactId: F2, kind: 'agrees' })).toThrow(expect.objectContaining({ field: 'kind' }));
  });
});

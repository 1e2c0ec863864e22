import { DomainError } from '@storyline/story-events';
import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from './testing/given';
import { parseReport } from './report';
import { decideIngestReport, decideOpenStory, evolveStory, emptyStoryState, type IngestReport } from './story';

const given = givenStory;

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 's1', slug: 'talks', title: 'Talks' } };
const text = 'An envoy met an official. Sources said so.';
const report = parseReport({ outlet: 'Daily Example', publishedAt: '2025-11-20', text, facts: [{ statement: 'An envoy met an official', evidence: { start: 0, end: 24 }, attributedTo: 'Sources' }] });

const ingest = (overrides: Partial<IngestReport> = {}): IngestReport => ({
  storyId: 's1', reportId: 'r1', factIds: ['f1'], report, idempotencyKey: null, fingerprint: 'fp1', ...overrides,
});

function appended(decision: ReturnType<typeof decideIngestReport>): StoryEvent[] {
  if (decision.kind !== 'append') throw new Error(`expected an append, got ${decision.kind}`);
  return decision.events;
}

describe('opening a story', () => {
  it('opens a story that does not exist yet', () => {
    expect(decideOpenStory(emptyStoryState(), { storyId: 's1', slug: 'talks', title: 'Talks' })).toEqual([opened]);
  });

  it('refuses a slug that is taken', () => {
    expect(() => decideOpenStory(given(opened), { storyId: 's1', slug: 'talks', title: 'Other' })).toThrow(
      expect.objectContaining({ code: 'STORY.SLUG_TAKEN', field: 'slug' }),
    );
  });
});

describe('ingesting a report', () => {
  it('records the report, then each fact with its evidence and attribution', () => {
    const events = appended(decideIngestReport(given(opened), ingest()));
    expect(events.map((event) => event.type)).toEqual(['ReportIngested', 'FactReported']);
    expect(events[0].data).toMatchObject({ reportId: 'r1', outlet: 'Daily Example', publishedAt: '2025-11-20T00:00:00.000Z', textSha256: report.textSha256 });
    expect(events[1].data).toMatchObject({ factId: 'f1', reportId: 'r1', evidence: { start: 0, end: 24 }, attributedTo: 'Sources', modality: 'asserted' });
  });

  it('refuses a story that was never opened', () => {
    expect(() => decideIngestReport(emptyStoryState(), ingest())).toThrow(expect.objectContaining({ code: 'STORY.NOT_FOUND' }));
  });

  it('answers a second ingestion of the same outlet and text with the first result, appending nothing', () => {
    const state = given(opened, ...appended(decideIngestReport(given(opened), ingest())));
    const again = decideIngestReport(state, ingest({ reportId: 'r2', factIds: ['f2'] }));
    expect(again).toEqual({ kind: 'duplicate', reportId: 'r1', factIds: ['f1'], position: 3n });
  });

  it('answers a repeat with the position of the first append, not of proposals the reactor appended later', () => {
    const first = appended(decideIngestReport(given(opened), ingest()));
    const proposal: StoryEvent = {
      type: 'LinkProposed',
      data: { storyId: 's1', linkId: 'l1', fromFactId: 'f1', toFactId: 'f0', kind: 'contradicts', score: 0.9, reason: 'counterpart changed', proposedBy: 'test 1' },
    };
    const state = given(opened, ...first, proposal);
    expect(decideIngestReport(state, ingest({ reportId: 'r2', factIds: ['f2'] }))).toMatchObject({ kind: 'duplicate', reportId: 'r1', position: 3n });
  });

  it('treats the outlet spelling "DAILY EXAMPLE" as the same outlet', () => {
    const state = given(opened, ...appended(decideIngestReport(given(opened), ingest())));
    const shouted = { ...report, outlet: 'DAILY  EXAMPLE' };
    expect(decideIngestReport(state, ingest({ reportId: 'r2', report: shouted })).kind).toBe('duplicate');
  });

  it('takes the same text from another outlet as a new report', () => {
    const state = given(opened, ...appended(decideIngestReport(given(opened), ingest())));
    const other = { ...report, outlet: 'Other Outlet' };
    expect(decideIngestReport(state, ingest({ reportId: 'r2', factIds: ['f2'], report: other })).kind).toBe('append');
  });

  it('answers a retried Idempotency-Key with the first result and refuses the key for another report', () => {
    const first = appended(decideIngestReport(given(opened), ingest({ idempotencyKey: 'k1' })));
    const state = [opened, ...first].reduce(
      (acc, event, index) => evolveStory(acc, event, { position: BigInt(index + 1), idempotencyKey: 'k1', requestFingerprint: 'fp1' }),
      emptyStoryState(),
    );
    const changedText = parseReport({ outlet: 'Daily Example', publishedAt: '2025-11-20', text: 'Other words.' });
    expect(decideIngestReport(state, ingest({ idempotencyKey: 'k1', reportId: 'r9' })).kind).toBe('duplicate');
    expect(() => decideIngestReport(state, ingest({ idempotencyKey: 'k1', report: changedText, factIds: [], fingerprint: 'fp2' }))).toThrow(
      expect.objectContaining({ code: 'REPORT.IDEMPOTENCY_KEY_REUSED' }),
    );
  });
});

describe('reading a report submission', () => {
  const fieldOf = (body: unknown, required: ('outlet' | 'publishedAt')[] = []): string | undefined => {
    try {
      parseReport(body, required);
    } catch (error) {
      return (error as DomainError).field;
    }
    return undefined;
  };

  it('names the field at fault', () => {
    expect(fieldOf('just a string')).toBe('body');
    expect(fieldOf({ text: '' })).toBe('text');
    expect(fieldOf({ text: 'x' }, ['outlet'])).toBe('outlet');
    expect(fieldOf({ text: 'x', publishedAt: 'last Tuesday' })).toBe('publishedAt');
    expect(fieldOf({ text: 'x', publishedAt: '2025-02-30' })).toBe('publishedAt');
    expect(fieldOf({ text: 'x', url: 'javascript:alert(1)' })).toBe('url');
    expect(fieldOf({ text: 'x', colour: 'red' })).toBe('colour');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 999 } }] })).toBe('facts[0].evidence.end');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 5, end: 5 } }] })).toBe('facts[0].evidence.end');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { quote: 'not there' } }] })).toBe('facts[0].evidence.quote');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { quote: 'e' } }] })).toBe('facts[0].evidence.quote');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 2 }, modality: 'rumoured' }] })).toBe('facts[0].modality');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 2 }, occurred: { from: '2025-11-20', to: '2025-11-01', precision: 'day' } }] })).toBe('facts[0].occurred.to');
  });

  it('resolves a quoted piece of evidence to its offsets', () => {
    const parsed = parseReport({ text, facts: [{ statement: 'Sources said so', evidence: { quote: 'Sources said so' } }] });
    expect(parsed.facts[0].evidence).toEqual({ start: text.indexOf('Sources'), end: text.indexOf('Sources') + 'Sources said so'.length });
  });

  it('keeps a fuzzy occurred interval as an interval', () => {
    const parsed = parseReport({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 2 }, occurred: { from: '2025-08-27', to: '2025-11-27', precision: 'fuzzy' } }] });
    expect(parsed.facts[0].occurred).toEqual({ from: '2025-08-27T00:00:00.000Z', to: '2025-11-27T00:00:00.000Z', precision: 'fuzzy' });
  });
});

import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import { decideIngestReport, type IngestReport } from './decide';
import { parseReport } from './request';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 's1', slug: 'talks', title: 'Talks' } };
const text = 'An envoy met an official. Sources said so.';
const report = parseReport({ outlet: 'Daily Example', publishedAt: '2025-11-20', text, facts: [{ statement: 'An envoy met an official', evidence: { start: 0, end: 24 }, attributedTo: 'Sources' }] });

const ingest = (overrides: Partial<IngestReport> = {}): IngestReport => ({ storyId: 's1', report, fingerprint: 'fp1', ...overrides });

/** The events the first ingestion appends (report id-1, fact id-2). */
const first = (): readonly StoryEvent[] => givenStory(opened).when(decideIngestReport, ingest()).events;

describe('ingesting a report', () => {
  it('records the report, then each fact with its evidence and attribution', () => {
    const when = givenStory(opened).when(decideIngestReport, ingest()).thenOutcome({ created: true, reportId: 'id-1', factIds: ['id-2'] });
    expect(when.events.map((event) => event.type)).toEqual(['ReportIngested', 'FactReported']);
    expect(when.events[0].data).toMatchObject({ reportId: 'id-1', outlet: 'Daily Example', publishedAt: '2025-11-20T00:00:00.000Z', textSha256: report.textSha256 });
    expect(when.events[1].data).toMatchObject({ factId: 'id-2', reportId: 'id-1', evidence: { start: 0, end: 24 }, attributedTo: 'Sources', modality: 'asserted' });
  });

  it('refuses a story that was never opened', () => {
    givenStory().when(decideIngestReport, ingest()).thenRefused({ code: 'STORY.NOT_FOUND' });
  });

  it('answers a second ingestion of the same outlet and text with the first result, appending nothing', () => {
    givenStory(opened, ...first())
      .when(decideIngestReport, ingest())
      .thenNothing()
      .thenOutcome({ created: false, reportId: 'id-1', factIds: ['id-2'], position: 3n });
  });

  it('answers a repeat with the position of the first append, not of proposals the reactor appended later', () => {
    const proposal: StoryEvent = {
      type: 'LinkProposed',
      data: { storyId: 's1', linkId: 'l1', fromFactId: 'id-2', toFactId: 'f0', kind: 'contradicts', score: 0.9, reason: 'counterpart changed', proposedBy: 'test 1' },
    };
    givenStory(opened, ...first(), proposal).when(decideIngestReport, ingest()).thenOutcome({ created: false, reportId: 'id-1', position: 3n });
  });

  it('treats the outlet spelling "DAILY EXAMPLE" as the same outlet', () => {
    const shouted = { ...report, outlet: 'DAILY  EXAMPLE' };
    givenStory(opened, ...first()).when(decideIngestReport, ingest({ report: shouted })).thenNothing().thenOutcome({ created: false });
  });

  it('takes the same text from another outlet as a new report', () => {
    const other = { ...report, outlet: 'Other Outlet' };
    const when = givenStory(opened, ...first()).when(decideIngestReport, ingest({ report: other })).thenOutcome({ created: true });
    expect(when.events.map((event) => event.type)).toEqual(['ReportIngested', 'FactReported']);
  });

  it('answers a retried Idempotency-Key with the first result and refuses the key for another report', () => {
    const stored = [opened, ...first()].map((event) => ({ event, idempotencyKey: 'k1', requestFingerprint: 'fp1' }));
    const changedText = parseReport({ outlet: 'Daily Example', publishedAt: '2025-11-20', text: 'Other words.' });
    givenStory(...stored).when(decideIngestReport, ingest(), { idempotencyKey: 'k1' }).thenNothing().thenOutcome({ created: false, reportId: 'id-1' });
    givenStory(...stored)
      .when(decideIngestReport, ingest({ report: changedText, fingerprint: 'fp2' }), { idempotencyKey: 'k1' })
      .thenRefused({ code: 'REPORT.IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
  });
});

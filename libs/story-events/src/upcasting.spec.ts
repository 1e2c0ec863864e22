import { upcast, UnknownSchemaVersionError, type VersionedEvent } from './upcasting';

type StoredEvent = VersionedEvent & Record<string, unknown>;

const stored = (type: string, schemaVersion: number, data: unknown): StoredEvent => ({
  eventId: '0b9c8f3e-0000-4000-8000-000000000001',
  type,
  schemaVersion,
  data,
  metadata: { actor: 'test', correlationId: 'c', causationId: null },
  streamId: 'story-x',
  streamRevision: 1n,
  position: 7n,
  recordedAt: new Date('2025-11-20T00:00:00Z'),
});

describe('upcasting stored events to the current shape', () => {
  const v1Report = { storyId: 's', reportId: 'r', outlet: 'Wire', publishedAt: null, headline: null, byline: null, dateline: null, url: null, text: 't', textSha256: 'h' };

  it('reads a version-1 ReportIngested as version 2, with an unknown language', () => {
    const current = upcast(stored('ReportIngested', 1, v1Report));
    expect(current.schemaVersion).toBe(2);
    expect(current.data).toEqual({ ...v1Report, language: null });
  });

  it('leaves an event already in the current shape as it is', () => {
    const event = stored('ReportIngested', 2, { ...v1Report, language: 'en' });
    expect(upcast(event)).toBe(event);
  });

  it('refuses an event newer than this build knows, naming it', () => {
    expect(() => upcast(stored('ReportIngested', 3, v1Report))).toThrow(UnknownSchemaVersionError);
    expect(() => upcast(stored('ReportIngested', 3, v1Report))).toThrow(/position 7 is ReportIngested version 3, newer than this build knows \(2\)/);
    expect(() => upcast(stored('SomethingElse', 1, {}))).toThrow(/unknown type "SomethingElse"/);
  });
});

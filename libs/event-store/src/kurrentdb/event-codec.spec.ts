import type { AllStreamRecordedEvent } from '@kurrent/kurrentdb-client';
import { InvalidAppendError } from '../errors';
import { prepareAppend } from '../shared/append-validation';
import { checkKurrentDbNames, isSystemEvent, toEventData, toStoredEvent } from './event-codec';
import { packPosition } from './log-position';
import { at, recordedFrom } from './testing/recorded-events';

const EVENT_ID = '5E0B1C2D-3A4B-4C5D-8E9F-0A1B2C3D4E5F';

function prepared(overrides: Partial<{ type: string; data: unknown; schemaVersion: number; metadata: Record<string, unknown> }> = {}) {
  const metadata = { actor: 'api-key:7', correlationId: 'corr-1', causationId: 'cause-1', idempotencyKey: null, schemaVersion: 'mine', ...overrides.metadata };
  const [event] = prepareAppend('story-1', [
    { eventId: EVENT_ID, type: overrides.type ?? 'FactReported', schemaVersion: overrides.schemaVersion ?? 3, data: 'data' in overrides ? overrides.data : { statement: 'Le pont — 橋 🌉' }, metadata },
  ]);
  return event;
}

function thrownBy(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    return (error as Error).message;
  }
  return 'nothing thrown';
}

describe('Storyline events as KurrentDB events', () => {
  it('sends JSON data, the type, the lower-case id, and the metadata inside an envelope', () => {
    const sent = toEventData(prepared());
    expect(sent).toEqual({
      id: EVENT_ID.toLowerCase(),
      contentType: 'application/json',
      type: 'FactReported',
      data: { statement: 'Le pont — 橋 🌉' },
      metadata: {
        schemaVersion: 3,
        metadata: { actor: 'api-key:7', correlationId: 'corr-1', causationId: 'cause-1', idempotencyKey: null, schemaVersion: 'mine' },
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
      },
    });
  });

  it('leaves $causationId out when the event has no cause', () => {
    expect(toEventData(prepared({ metadata: { causationId: null } })).metadata).not.toHaveProperty('$causationId');
  });

  it('reads back exactly what was sent, with its revision, packed position and recorded time', () => {
    for (const data of [{ nested: { list: [1, [], {}] }, quote: 'He said "no" \\ then\n' }, null, 'plain', 42, []]) {
      const event = prepared({ data });
      const created = new Date('2025-11-20T08:30:00.123Z');
      const recorded = recordedFrom(toEventData(event), { streamId: 'ns:story-1', revision: 4n, position: at(2_000n, 2_150n), created });
      expect(toStoredEvent(recorded, 'story-1')).toEqual({
        eventId: EVENT_ID.toLowerCase(),
        type: 'FactReported',
        schemaVersion: 3,
        data,
        metadata: JSON.parse(event.metadata),
        streamId: 'story-1',
        streamRevision: 4n,
        position: packPosition(at(2_000n, 2_150n)),
        recordedAt: created,
      });
    }
  });

  it('names an event Storyline did not write instead of inventing its metadata', () => {
    const good = recordedFrom(toEventData(prepared()), { streamId: 'story-1', revision: 0n, position: at(10n) });
    const cases: [string, AllStreamRecordedEvent, RegExp][] = [
      ['binary', { ...good, isJson: false } as AllStreamRecordedEvent, /is not JSON/],
      ['no position', { ...good, position: undefined } as unknown as AllStreamRecordedEvent, /22\.6 or newer/],
      ['plain metadata', { ...good, metadata: { actor: 'x' } } as AllStreamRecordedEvent, /no Storyline metadata/],
      ['binary metadata', { ...good, metadata: new Uint8Array([1]) } as AllStreamRecordedEvent, /no Storyline metadata/],
      ['schema version 0', { ...good, metadata: { schemaVersion: 0, metadata: {} } } as AllStreamRecordedEvent, /no Storyline metadata/],
    ];
    for (const [what, recorded, message] of cases) {
      expect([what, thrownBy(() => toStoredEvent(recorded, 'story-1'))]).toEqual([what, expect.stringMatching(message)]);
    }
  });

  it('refuses stream names and event types KurrentDB keeps for itself', () => {
    expect(() => checkKurrentDbNames('$story', '$story', [prepared()])).toThrow(InvalidAppendError);
    expect(() => checkKurrentDbNames('story-1', 'story-1', [prepared({ type: '$metadata' })])).toThrow(/reserves types starting with \$/);
    expect(() => checkKurrentDbNames('story-1', 'tenant-a:story-1', [prepared({ type: 'Fact$Reported' })])).not.toThrow();
  });

  it('tells system events from Storyline ones', () => {
    expect(isSystemEvent({ streamId: '$ce-story', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'story-1', type: '$streamDeleted' })).toBe(true);
    expect(isSystemEvent({ streamId: '$stats-0.0.0.0:2113', type: 'Stats' })).toBe(true);
    expect(isSystemEvent({ streamId: 'story-1', type: 'FactReported' })).toBe(false);
  });
});

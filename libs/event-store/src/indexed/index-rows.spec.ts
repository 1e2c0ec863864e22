import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../event-store.port';
import { chainHash, GENESIS_HASH } from '../postgres/hash-chain';
import { chainTime, EMPTY_INDEX, headAfter, planIndexRows, stillToIndex } from './index-rows';

const TWO_64 = 1n << 64n;

function nativeEvent(position: bigint, recordedAt: string, overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    eventId: randomUUID(),
    type: 'FactReported',
    schemaVersion: 2,
    data: { statement: 'Witkoff held talks', n: 1.5 },
    metadata: { actor: 'key:editor', correlationId: 'c', causationId: null },
    streamId: 'story-a',
    streamRevision: 0n,
    position,
    recordedAt: new Date(recordedAt),
    ...overrides,
  };
}

describe('planIndexRows', () => {
  it('gives native events the next dense positions and chains them as the PostgreSQL log chains its own', () => {
    const events = [
      nativeEvent(5n * TWO_64 + 3n, '2026-11-22T09:30:00.123Z'),
      nativeEvent(9n * TWO_64, '2026-11-22T09:30:01.000Z', { streamId: 'source-b', streamRevision: 4n, metadata: { correlationId: 'c', causationId: null } as never }),
    ];
    const rows = planIndexRows(EMPTY_INDEX, events);
    expect(rows.map((row) => [row.position, row.nativePosition, row.streamRevision, row.actor])).toEqual([
      [1n, events[0].position, 0n, 'key:editor'],
      [2n, events[1].position, 4n, null],
    ]);
    const first = chainHash(GENESIS_HASH, {
      position: '1',
      eventId: events[0].eventId,
      streamId: 'story-a',
      streamRevision: '0',
      type: 'FactReported',
      schemaVersion: 2,
      recordedAt: '2026-11-22T09:30:00.123000Z',
      data: events[0].data,
      metadata: events[0].metadata,
    });
    expect(rows[0]).toMatchObject({ prevHash: GENESIS_HASH, hash: first, recordedAt: '2026-11-22T09:30:00.123000Z' });
    expect(rows[1].prevHash).toBe(first);
    expect(headAfter(EMPTY_INDEX, rows)).toEqual({ position: 2n, nativePosition: events[1].position, hash: rows[1].hash, recordedAt: '2026-11-22T09:30:01.000000Z' });
  });

  it('continues from a head, and never lets the recorded time go backwards', () => {
    const head = { position: 41n, nativePosition: 7n * TWO_64, hash: 'a'.repeat(64), recordedAt: '2026-11-22T09:30:05.000000Z' };
    const rows = planIndexRows(head, [nativeEvent(8n * TWO_64, '2026-11-22T09:29:00.000Z'), nativeEvent(8n * TWO_64 + 1n, '2026-11-22T09:31:00.000Z')]);
    expect(rows.map((row) => [row.position, row.prevHash === head.hash, row.recordedAt])).toEqual([
      [42n, true, '2026-11-22T09:30:05.000000Z'],
      [43n, false, '2026-11-22T09:31:00.000000Z'],
    ]);
  });

  it('refuses native events that do not follow the head in order', () => {
    const head = { ...EMPTY_INDEX, position: 3n, nativePosition: 10n * TWO_64 };
    expect(() => planIndexRows(head, [nativeEvent(10n * TWO_64, '2026-11-22T09:30:00.000Z')])).toThrow(/not after/);
    expect(() => planIndexRows(EMPTY_INDEX, [nativeEvent(2n * TWO_64, '2026-11-22T09:30:00.000Z'), nativeEvent(TWO_64, '2026-11-22T09:30:00.000Z')])).toThrow(/not after/);
  });
});

describe('stillToIndex', () => {
  const batch = [10n, 20n, 30n].map((position) => nativeEvent(position, '2026-11-22T09:30:00.000Z'));
  const at = (nativePosition: bigint) => ({ ...EMPTY_INDEX, nativePosition });

  it('keeps the batch when the head did not move, and only what follows a head another indexer moved', () => {
    expect(stillToIndex(at(5n), 5n, batch)).toHaveLength(3);
    expect(stillToIndex(at(20n), 5n, batch).map((event) => event.position)).toEqual([30n]);
    expect(stillToIndex(at(30n), 5n, batch)).toEqual([]);
    expect(stillToIndex(at(99n), 5n, batch)).toEqual([]);
  });

  it('refuses a head the batch cannot continue', () => {
    expect(() => stillToIndex(at(15n), 5n, batch)).toThrow(/did not show/);
  });
});

describe('chainTime', () => {
  it('writes six fractional digits, as PostgreSQL gives back a timestamptz stored from a Date', () => {
    expect(chainTime(new Date('2025-11-20T00:00:00Z'))).toBe('2025-11-20T00:00:00.000000Z');
    expect(chainTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });
});

import { KnownStreams, StreamLedger, type LedgerEntry } from './stream-ledger';

const entry = (revision: bigint, eventId = `id-${revision}`): LedgerEntry => ({ eventId, streamId: 'story-1', streamRevision: revision, position: 100n + revision });

describe('StreamLedger', () => {
  it('starts before the first event and follows the stream revision by revision', () => {
    const ledger = new StreamLedger();
    expect(ledger.currentRevision()).toBeNull();
    ledger.record([entry(0n), entry(1n)]);
    expect([ledger.nextRevision, ledger.currentRevision()]).toEqual([2n, 1n]);
    expect(ledger.placeOf('id-1')).toEqual({ streamId: 'story-1', streamRevision: 1n, position: 101n });
  });

  it('ignores events it already has and events after a gap', () => {
    const ledger = new StreamLedger();
    ledger.record([entry(0n), entry(1n)]);
    ledger.record([entry(1n, 'stale-read'), entry(2n), entry(4n)]);
    expect(ledger.placeOf('stale-read')).toBeUndefined();
    expect(ledger.placeOf('id-4')).toBeUndefined();
    expect(ledger.currentRevision()).toBe(2n);
  });
});

describe('KnownStreams', () => {
  it('keeps the most recently used ledgers and forgets the oldest beyond its capacity', () => {
    const known = new KnownStreams(2);
    known.ledger('a').record([entry(0n)]);
    known.ledger('b');
    known.ledger('a');
    known.ledger('c');
    expect(known.size).toBe(2);
    expect(known.ledger('a').nextRevision).toBe(1n);
    expect(known.ledger('b').nextRevision).toBe(0n);
  });

  it('refuses a capacity below one', () => {
    expect(() => new KnownStreams(0)).toThrow(RangeError);
    expect(() => new KnownStreams(1.5)).toThrow(RangeError);
  });
});

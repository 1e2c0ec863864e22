import { orderTimeline, type OrderedEntry } from './timeline-order';

interface Entry extends OrderedEntry {
  readonly name: string;
}

const at = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

function report(name: string, position: number, reportedAt: string | null): Entry {
  return { name, kind: 'report', reportedAt: at(reportedAt), occurredFrom: null, occurredTo: null, position: BigInt(position), reportPosition: BigInt(position) };
}

function fact(name: string, position: number, of: Entry, occurred: { from?: string; to?: string } = {}): Entry {
  return {
    name,
    kind: 'fact',
    reportedAt: of.reportedAt,
    occurredFrom: at(occurred.from ?? null),
    occurredTo: at(occurred.to ?? null),
    position: BigInt(position),
    reportPosition: of.position,
  };
}

const names = (entries: readonly Entry[]): string[] => entries.map((entry) => entry.name);

describe('orderTimeline', () => {
  const late = report('late', 1, '2025-11-27T12:00:00Z');
  const lateFact = fact('late.1', 2, late, { from: '2025-09-01T00:00:00Z' });
  const undated = report('undated', 3, null);
  const undatedFact = fact('undated.1', 4, undated);
  const early = report('early', 5, '2025-11-20T09:00:00Z');
  const earlyFact = fact('early.1', 6, early, { to: '2025-11-19T00:00:00Z' });
  const earlyFact2 = fact('early.2', 7, early);
  const sameTime = report('same-time', 8, '2025-11-20T09:00:00Z');
  const sameTimeFact = fact('same-time.1', 9, sameTime);
  const entries = [sameTimeFact, earlyFact2, late, undatedFact, earlyFact, lateFact, sameTime, undated, early];

  it('on the reported clock, keeps each report just before its facts, unknown dates last', () => {
    expect(names(orderTimeline(entries, 'reported'))).toEqual([
      'early', 'early.1', 'early.2', 'same-time', 'same-time.1', 'late', 'late.1', 'undated', 'undated.1',
    ]);
  });

  it('on the occurred clock, uses the interval (its end if it has no start), else publication', () => {
    expect(names(orderTimeline(entries, 'occurred'))).toEqual([
      'late.1', 'early.1', 'early', 'early.2', 'same-time', 'same-time.1', 'late', 'undated', 'undated.1',
    ]);
  });

  it('on the recorded clock, follows the log', () => {
    expect(names(orderTimeline(entries, 'recorded'))).toEqual([
      'late', 'late.1', 'undated', 'undated.1', 'early', 'early.1', 'early.2', 'same-time', 'same-time.1',
    ]);
  });

  it('leaves its input alone', () => {
    const copy = [...entries];
    orderTimeline(entries, 'reported');
    expect(entries).toEqual(copy);
  });
});

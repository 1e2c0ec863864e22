import { canonicalSources, firstReported, groupBySource, type LedgerEntry, type RegisteredAlias, type RegisteredSource } from './source-grouping';
import { normaliseStatement } from './statement-key';
import { normaliseSourceName } from '@storyline/story-events';

let position = 0;
function entry(source: string, item: string, reportedAt: string | null, statement?: string, role: 'outlet' | 'attributed' = 'outlet'): LedgerEntry {
  position += 1;
  return {
    itemKind: statement === undefined ? 'report' : 'fact',
    itemId: item,
    role,
    reportId: statement === undefined ? item : `report-of-${item}`,
    sourceName: source,
    sourceKey: normaliseSourceName(source),
    statement: statement ?? null,
    statementKey: statement === undefined ? null : normaliseStatement(statement),
    reportedAt: reportedAt === null ? null : new Date(reportedAt),
    position: BigInt(position),
  };
}

const source = (sourceId: string, name: string, at: number): RegisteredSource => ({
  sourceId, name, nameKey: normaliseSourceName(name), kind: 'outlet', position: BigInt(at),
});
const alias = (sourceId: string, name: string, at: number): RegisteredAlias => ({ sourceId, aliasKey: normaliseSourceName(name), position: BigInt(at) });

describe('normaliseStatement', () => {
  it('ignores case, spacing, punctuation and the hyphen in "back-channel"', () => {
    expect(normaliseStatement('Witkoff held back-channel talks,  with U.S. officials!')).toBe(
      normaliseStatement('witkoff held back channel talks with US officials'),
    );
    expect(normaliseStatement('Talks failed.')).not.toBe(normaliseStatement('Talks succeeded.'));
  });
});

describe('firstReported', () => {
  it('credits the earliest publication of a statement, ties alike, unknown dates only when nothing is dated', () => {
    const entries = [
      entry('B', 'late', '2025-11-27T00:00:00Z', 'Witkoff advised a Kremlin official.'),
      entry('A', 'early', '2025-11-22T00:00:00Z', 'witkoff advised a kremlin official'),
      entry('C', 'tie', '2025-11-22T00:00:00Z', 'Witkoff advised a Kremlin official'),
      entry('D', 'undated', null, 'Witkoff advised a Kremlin official'),
      entry('D', 'only-undated', null, 'Nobody knows when.'),
    ];
    expect([...firstReported(entries)].sort()).toEqual(['early', 'only-undated', 'tie']);
  });

  it('never credits a fact linked as repeating another, whatever its wording', () => {
    const entries = [
      entry('A', 'original', '2025-11-20T00:00:00Z', 'Witkoff held talks.'),
      entry('B', 'reworded', '2025-11-21T00:00:00Z', 'Talks were held by Witkoff.'),
    ];
    expect([...firstReported(entries)].sort()).toEqual(['original', 'reworded']);
    expect([...firstReported(entries, new Set(['reworded']))]).toEqual(['original']);
  });
});

describe('canonicalSources', () => {
  it('maps names and aliases to their source, the later registration winning', () => {
    const canonical = canonicalSources([source('p', 'Politico', 1), source('r', 'Reuters', 2)], [alias('p', 'Politico Europe', 3), alias('r', 'politico europe', 4)]);
    expect(canonical.get('politico')?.sourceId).toBe('p');
    expect(canonical.get('politico europe')?.sourceId).toBe('r');
    expect(canonical.get('unknown')).toBeUndefined();
  });
});

describe('groupBySource', () => {
  it('groups under the registered name, else the first-seen spelling, and orders sources by first publication', () => {
    const entries = [
      entry('POLITICO', 'r2', '2025-11-25T00:00:00Z'),
      entry('Kyiv Post', 'r1', '2025-11-20T00:00:00Z'),
      entry('Kyiv Post', 'f1', '2025-11-20T00:00:00Z', 'Talks were held.'),
      entry('politico europe', 'f1', '2025-11-20T00:00:00Z', 'Talks were held.', 'attributed'),
      entry('anonymous sources', 'f2', null, 'Nothing else.', 'attributed'),
      entry('kyiv post', 'r3', '2025-11-18T00:00:00Z'),
    ];
    const grouped = groupBySource(entries, [source('p', 'Politico', 100)], [alias('p', 'Politico Europe', 101)]);
    expect(grouped.map((group) => [group.name, group.kind, group.reports.map((report) => report.reportId), group.facts.map((fact) => fact.id)])).toEqual([
      ['Kyiv Post', undefined, ['r3', 'r1'], ['f1']],
      ['Politico', 'outlet', ['r2'], ['f1']],
      ['anonymous sources', undefined, [], ['f2']],
    ]);
    expect(grouped[1].facts[0]).toEqual({
      id: 'f1', statement: 'Talks were held.', reportedAt: '2025-11-20T00:00:00.000Z', role: 'attributed', first: true, status: 'active', corrected: false,
    });
    expect(grouped[0]).not.toHaveProperty('kind');
  });

  it('counts a fact once for a source that both published it and was credited with it', () => {
    const entries = [entry('Reuters', 'f', '2025-11-20T00:00:00Z', 'Said.'), entry('reuters', 'f', '2025-11-20T00:00:00Z', 'Said.', 'attributed')];
    const [reuters] = groupBySource(entries, [], []);
    expect(reuters.facts).toEqual([{ id: 'f', statement: 'Said.', reportedAt: '2025-11-20T00:00:00.000Z', role: 'outlet', first: true, status: 'active', corrected: false }]);
  });
});

describe('groupBySource across reports', () => {
  it('makes one source of spellings that differ only by title, case and punctuation, and keeps a surname alone apart', () => {
    const entries = [
      entry('Dr. Laura Mitchell', 'f1', '2025-11-20T00:00:00Z', 'Talks are likely.', 'attributed'),
      entry('laura mitchell', 'f2', '2025-11-21T00:00:00Z', 'Talks are possible.', 'attributed'),
      entry('Mitchell', 'f3', '2025-11-22T00:00:00Z', 'Talks are over.', 'attributed'),
      entry('Critics', 'f4', '2025-11-22T00:00:00Z', 'Talks are pointless.', 'attributed'),
    ];
    const grouped = groupBySource(entries, [], []);
    expect(grouped.map((record) => [record.name, record.facts.map((fact) => fact.id)])).toEqual([
      ['Dr. Laura Mitchell', ['f1', 'f2']],
      ['Mitchell', ['f3']],
      ['Critics', ['f4']],
    ]);
  });

  it('puts a surname alone under the registered source once its alias is added', () => {
    const entries = [entry('Laura Mitchell', 'f1', '2025-11-20T00:00:00Z', 'Talks are likely.', 'attributed'), entry('Mitchell', 'f2', '2025-11-22T00:00:00Z', 'Talks are over.', 'attributed')];
    const grouped = groupBySource(entries, [{ ...source('m', 'Dr. Laura Mitchell', 1), kind: 'person' }], [alias('m', 'Mitchell', 2)]);
    expect(grouped.map((record) => [record.name, record.kind, record.facts.map((fact) => fact.id)])).toEqual([['Dr. Laura Mitchell', 'person', ['f1', 'f2']]]);
  });
});

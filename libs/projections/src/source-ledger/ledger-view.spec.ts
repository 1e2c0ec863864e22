import type { FactView } from '../facts/fact-view';
import { ledgerInView } from './ledger-view';
import type { LedgerEntry } from './source-grouping';

const row = (role: 'outlet' | 'attributed', sourceName: string, itemKind: 'report' | 'fact' = 'fact'): LedgerEntry => ({
  itemKind,
  itemId: itemKind === 'fact' ? 'f1' : 'r1',
  role,
  reportId: 'r1',
  sourceName,
  sourceKey: sourceName.toLowerCase(),
  statement: itemKind === 'fact' ? 'Talks in Miami.' : null,
  statementKey: itemKind === 'fact' ? 'talks in miami' : null,
  reportedAt: new Date('2025-11-20T09:00:00Z'),
  position: 5n,
});

const corrected: FactView = {
  content: { statement: 'Talks in Geneva.', attributedTo: 'POLITICO Europe', modality: 'reportedly', occurred: null, evidence: { start: 0, end: 4 } },
  status: 'retracted',
  corrected: true,
};

describe('ledgerInView', () => {
  const entries = [row('outlet', 'Report Outlet', 'report'), row('outlet', 'Kyiv Post'), row('attributed', 'Politico')];

  it('shows a fact with the statement and status the view sees, its attribution derived again', () => {
    expect(ledgerInView(entries, new Map([['f1', corrected]]))).toEqual([
      entries[0],
      { ...entries[1], statement: 'Talks in Geneva.', statementKey: 'talks in geneva', status: 'retracted', corrected: true },
      {
        ...entries[1], role: 'attributed', sourceName: 'POLITICO Europe', sourceKey: 'politico europe',
        statement: 'Talks in Geneva.', statementKey: 'talks in geneva', status: 'retracted', corrected: true,
      },
    ]);
  });

  it('drops the attribution an amendment removed, and keeps rows of facts it has no view of', () => {
    const unattributed: FactView = { ...corrected, content: { ...corrected.content, attributedTo: null } };
    expect(ledgerInView(entries, new Map([['f1', unattributed]])).map((entry) => entry.role)).toEqual(['outlet', 'outlet']);
    expect(ledgerInView(entries, new Map())).toEqual(entries);
  });
});

import { normaliseSourceName } from '@storyline/story-events';
import type { FactView } from '../facts/fact-view';
import type { LedgerEntry } from './source-grouping';
import { normaliseStatement } from './statement-key';

/**
 * The ledger as one view sees it: each fact with the statement and status of the versions
 * the view may see. Who a fact is attributed to may have been amended or corrected, so the
 * attribution rows are derived again from the fact as seen, not taken as first recorded.
 */
export function ledgerInView(entries: readonly LedgerEntry[], facts: ReadonlyMap<string, FactView>): LedgerEntry[] {
  const viewed: LedgerEntry[] = [];
  for (const entry of entries) {
    const fact = entry.itemKind === 'fact' ? facts.get(entry.itemId) : undefined;
    if (!fact) {
      viewed.push(entry);
    } else if (entry.role === 'outlet') {
      viewed.push(...factInView(entry, fact));
    }
  }
  return viewed;
}

function factInView(outlet: LedgerEntry, fact: FactView): LedgerEntry[] {
  const { statement, attributedTo } = fact.content;
  const seen = { ...outlet, statement, statementKey: normaliseStatement(statement), status: fact.status, corrected: fact.corrected };
  const attributed = attributedTo?.trim();
  if (!attributed) return [seen];
  return [seen, { ...seen, role: 'attributed', sourceName: attributed, sourceKey: normaliseSourceName(attributed) }];
}

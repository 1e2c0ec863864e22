import type { Position } from '@storyline/story-events';
import type { DataSource } from 'typeorm';
import { FactHistoryProjection } from '../facts/fact-history.projection';
import { clockOf, factViews, readFactHistory } from '../facts/fact-view';
import { viewPosition, whereInView, whereRecordedInView } from '../runtime/as-of';
import { type AsOf } from '@storyline/story-events';
import { SourceAliasRow, SourceRow } from '../schema/source.entity';
import { SourceLedgerRow } from '../schema/source-ledger.entity';
import { ledgerInView } from './ledger-view';
import { groupBySource, type SourceRecord } from './source-grouping';
import { SourceLedgerProjection } from './source-ledger.projection';

/** Who reported what, when, in a story, and the log position the answer reflects. */
export interface SourceLedger {
  readonly position: Position;
  readonly sources: SourceRecord[];
}

const PROJECTIONS = [new SourceLedgerProjection().name, new FactHistoryProjection().name];

/** Reads the source ledger, grouped under canonical sources with today's aliases (as of the view). */
export class SourceLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The story's sources in the view. Aliases and registrations count as of the view too:
   * those recorded after `atPosition` (or after `asOf` on the recorded clock) do not regroup it.
   * Facts show the statement and status of the view; one linked as repeating another is not first.
   */
  sources(storyId: string, view: AsOf = {}): Promise<SourceLedger> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await viewPosition(manager, PROJECTIONS, view);
      const ledger = manager.getRepository(SourceLedgerRow).createQueryBuilder('row').where('row.storyId = :storyId', { storyId });
      const rows = await whereInView(ledger, 'row', view, position).getMany();
      const history = await readFactHistory(manager, { storyId }, view, position);
      const entries = ledgerInView(rows, factViews(history, clockOf(view)));
      const repeaters = new Set(history.links.filter((link) => link.kind === 'repeats').map((link) => link.fromFactId));
      const sources = await whereRecordedInView(manager.getRepository(SourceRow).createQueryBuilder('source'), 'source', view, position).getMany();
      const aliases = await whereRecordedInView(manager.getRepository(SourceAliasRow).createQueryBuilder('alias'), 'alias', view, position).getMany();
      return { position: position, sources: groupBySource(entries, sources, aliases, repeaters) };
    });
  }
}

import {
  assertNever,
  type FactReported,
  type ReportIngested,
  type SourceAliasAdded,
  type SourceRegistered,
  type StorylineEventType,
} from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, ProjectedEvent, Projection } from '../runtime/projection';
import { reportContext, reportsOfFacts, type ReportContext } from '../runtime/report-context';
import { insertRows } from '../runtime/sql';
import { normaliseStatement } from './statement-key';

const LEDGER_COLUMNS = [
  'item_kind', 'item_id', 'role', 'story_id', 'report_id', 'source_name', 'source_key',
  'statement', 'statement_key', 'reported_at', 'recorded_at', 'position',
] as const;

type LedgerValues = Record<(typeof LEDGER_COLUMNS)[number], unknown>;

const HANDLES = ['ReportIngested', 'FactReported', 'SourceRegistered', 'SourceAliasAdded'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

/**
 * Keeps the source ledger (who reported what, when) and the registered sources with their
 * aliases. Rows keep each source as spelled; grouping under canonical sources happens on
 * read, so an alias registered late regroups what was recorded before it.
 */
export class SourceLedgerProjection implements Projection<Handled> {
  readonly name = 'source-ledger';
  readonly tables = ['source_ledger', 'sources', 'source_aliases'];
  /** {@link storedReports} finds reports by id; sources and aliases are upserted. */
  readonly appendOnly = { source_ledger: ["(item_id) WHERE item_kind = 'report'"] };
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const reports = await reportsOfFacts(events, (ids) => storedReports(manager, ids));
    const ledger: LedgerValues[] = [];
    const sources = new Map<string, ProjectedEvent<SourceRegistered>>();
    const aliases = new Map<string, ProjectedEvent<SourceAliasAdded>>();
    for (const event of events) {
      switch (event.type) {
        case 'ReportIngested':
          ledger.push(reportRow(event));
          break;
        case 'FactReported':
          ledger.push(...factRows(event, reports.get(event.data.reportId)!));
          break;
        case 'SourceRegistered':
          sources.set(event.data.sourceId, event);
          break;
        case 'SourceAliasAdded':
          if (!aliases.has(aliasKey(event))) aliases.set(aliasKey(event), event);
          break;
        default:
          assertNever(event);
      }
    }
    await insertRows(manager, 'source_ledger', LEDGER_COLUMNS, ledger);
    await saveSources(manager, [...sources.values()]);
    await saveAliases(manager, [...aliases.values()]);
  }
}

const aliasKey = (event: ProjectedEvent<SourceAliasAdded>): string => `${event.data.sourceId}|${normaliseSourceName(event.data.alias)}`;

interface LedgerItem {
  readonly itemKind: 'report' | 'fact';
  readonly itemId: string;
  readonly role: 'outlet' | 'attributed';
  readonly storyId: string;
  readonly reportId: string;
  readonly sourceName: string;
  readonly sourceKey: string;
  readonly statement: string | null;
  readonly statementKey: string | null;
}

function reportRow(event: ProjectedEvent<ReportIngested>): LedgerValues {
  const report = reportContext(event);
  const { storyId, reportId } = event.data;
  const item: LedgerItem = {
    itemKind: 'report', itemId: reportId, role: 'outlet', storyId, reportId, sourceName: report.outlet, sourceKey: report.outletKey, statement: null, statementKey: null,
  };
  return row(item, report, event);
}

// Items are written out rather than spread from a common part: this runs for most events of a rebuild.
function factRows(event: ProjectedEvent<FactReported>, report: ReportContext): LedgerValues[] {
  const { factId: itemId, storyId, reportId, statement, attributedTo } = event.data;
  const statementKey = normaliseStatement(statement);
  const outlet: LedgerItem = { itemKind: 'fact', itemId, role: 'outlet', storyId, reportId, sourceName: report.outlet, sourceKey: report.outletKey, statement, statementKey };
  const attributed = attributedTo?.trim();
  if (!attributed) return [row(outlet, report, event)];
  const credited: LedgerItem = {
    itemKind: 'fact', itemId, role: 'attributed', storyId, reportId, sourceName: attributed, sourceKey: normaliseSourceName(attributed), statement, statementKey,
  };
  return [row(outlet, report, event), row(credited, report, event)];
}

function row(item: LedgerItem, report: ReportContext, event: ProjectedEvent): LedgerValues {
  return {
    item_kind: item.itemKind,
    item_id: item.itemId,
    role: item.role,
    story_id: item.storyId,
    report_id: item.reportId,
    source_name: item.sourceName,
    source_key: item.sourceKey,
    statement: item.statement,
    statement_key: item.statementKey,
    reported_at: report.reportedAt,
    recorded_at: event.recordedAt,
    position: event.position,
  };
}

/** A source registered again (renamed) keeps one row with its latest name. */
async function saveSources(manager: EntityManager, sources: readonly ProjectedEvent<SourceRegistered>[]): Promise<void> {
  const rows = sources.map(({ data, recordedAt, position }) => ({
    source_id: data.sourceId, name: data.name, name_key: normaliseSourceName(data.name), kind: data.kind, recorded_at: recordedAt, position,
  }));
  await insertRows(
    manager, 'sources', ['source_id', 'name', 'name_key', 'kind', 'recorded_at', 'position'], rows,
    'ON CONFLICT (source_id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind, recorded_at = excluded.recorded_at, position = excluded.position',
  );
}

/** Adding an alias a source already has changes nothing. */
async function saveAliases(manager: EntityManager, aliases: readonly ProjectedEvent<SourceAliasAdded>[]): Promise<void> {
  const rows = aliases.map(({ data, recordedAt, position }) => ({
    source_id: data.sourceId, alias_key: normaliseSourceName(data.alias), alias: data.alias, recorded_at: recordedAt, position,
  }));
  await insertRows(
    manager, 'source_aliases', ['source_id', 'alias_key', 'alias', 'recorded_at', 'position'], rows,
    'ON CONFLICT (source_id, alias_key) DO NOTHING',
  );
}

async function storedReports(manager: EntityManager, reportIds: string[]): Promise<Map<string, ReportContext>> {
  const rows: { item_id: string; story_id: string; reported_at: Date | null; source_name: string; source_key: string; position: string }[] =
    await manager.query(
      "SELECT item_id, story_id, reported_at, source_name, source_key, position FROM source_ledger WHERE item_kind = 'report' AND item_id = ANY($1::uuid[])",
      [reportIds],
    );
  return new Map(
    rows.map((found) => [
      found.item_id,
      { storyId: found.story_id, reportedAt: found.reported_at, outlet: found.source_name, outletKey: found.source_key, position: BigInt(found.position) },
    ]),
  );
}

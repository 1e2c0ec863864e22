import { sourceNameKey } from '@storyline/extraction';
import { comparePositions } from '@storyline/story-events';
import type { SourceKind } from '@storyline/story-events';
import { isoOrNull } from '../runtime/as-of';
import type { FactStatus } from '../schema/fact-version.entity';

/** What grouping needs of a ledger row. */
export interface LedgerEntry {
  readonly itemKind: 'report' | 'fact';
  readonly itemId: string;
  readonly role: 'outlet' | 'attributed';
  readonly reportId: string;
  readonly sourceName: string;
  readonly sourceKey: string;
  readonly statement: string | null;
  readonly statementKey: string | null;
  readonly reportedAt: Date | null;
  readonly position: bigint;
  /** Facts: as the view sees them (active when not given). */
  readonly status?: FactStatus;
  readonly corrected?: boolean;
}

export interface RegisteredSource {
  readonly sourceId: string;
  readonly name: string;
  readonly nameKey: string;
  readonly kind: SourceKind;
  readonly position: bigint;
}

export interface RegisteredAlias {
  readonly sourceId: string;
  readonly aliasKey: string;
  readonly position: bigint;
}

/** One source's part in a story (SPEC "API v1": `GET /stories/{story}/sources`). */
export interface SourceRecord {
  readonly name: string;
  readonly kind?: SourceKind;
  readonly reports: { readonly reportId: string; readonly reportedAt: string | null }[];
  readonly facts: {
    readonly id: string;
    readonly statement: string;
    readonly reportedAt: string | null;
    readonly role: 'outlet' | 'attributed';
    /** No fact with the same statement was reported earlier in the story, and it repeats no other. */
    readonly first: boolean;
    /** A retracted fact stays in the ledger: who said it still matters. */
    readonly status: FactStatus;
    /** The outlet corrected it; `statement` is the corrected one. */
    readonly corrected: boolean;
  }[];
}

interface Group {
  readonly registered: RegisteredSource | undefined;
  readonly reports: SourceRecord['reports'];
  readonly facts: SourceRecord['facts'];
  readonly items: Set<string>;
  earliest: number;
  /** The first-seen spelling (lowest position): stable however late an earlier report arrives. */
  spelling: { readonly name: string; readonly position: bigint };
}

const time = (value: Date | null): number => (value === null ? Number.POSITIVE_INFINITY : value.getTime());
const byNumber = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);

/**
 * Which normalised source key means which registered source: its own name and its aliases.
 * Applied in log order, so a later registration of a name wins.
 */
export function canonicalSources(sources: readonly RegisteredSource[], aliases: readonly RegisteredAlias[]): Map<string, RegisteredSource> {
  const byId = new Map(sources.map((source) => [source.sourceId, source]));
  const names: { key: string; sourceId: string; position: bigint }[] = [
    ...sources.map((source) => ({ key: source.nameKey, sourceId: source.sourceId, position: source.position })),
    ...aliases.map((alias) => ({ key: alias.aliasKey, sourceId: alias.sourceId, position: alias.position })),
  ];
  names.sort((a, b) => comparePositions(a.position, b.position));
  const canonical = new Map<string, RegisteredSource>();
  for (const name of names) {
    const source = byId.get(name.sourceId);
    if (source) canonical.set(name.key, source);
  }
  return canonical;
}

/**
 * The facts first reported in the story: none with the same statement was reported before
 * them, and an analyst has not linked them as repeating another (`repeaters`).
 */
export function firstReported(entries: readonly LedgerEntry[], repeaters: ReadonlySet<string> = new Set()): Set<string> {
  const earliest = new Map<string, number>();
  for (const entry of entries) {
    if (entry.statementKey === null) continue;
    earliest.set(entry.statementKey, Math.min(earliest.get(entry.statementKey) ?? Infinity, time(entry.reportedAt)));
  }
  const first = new Set<string>();
  for (const entry of entries) {
    if (entry.statementKey === null || repeaters.has(entry.itemId)) continue;
    if (time(entry.reportedAt) <= earliest.get(entry.statementKey)!) first.add(entry.itemId);
  }
  return first;
}

/**
 * Groups a story's ledger by canonical source (registered name or alias, else the
 * normalised spelling), each source's reports and facts by publication time, and the
 * sources by when they first reported anything (unknown last). `repeaters`: facts linked
 * as repeating another, never first. Names that are certainly one across reports (the same
 * after titles, case and punctuation are set aside: "Dr. Laura Mitchell", "Laura Mitchell")
 * are one source; names that may be one ("Mitchell") are proposed as aliases instead
 * (`source-alias-proposals/`), and grouped once an analyst accepts.
 */
export function groupBySource(
  entries: readonly LedgerEntry[],
  sources: readonly RegisteredSource[],
  aliases: readonly RegisteredAlias[],
  repeaters: ReadonlySet<string> = new Set(),
): SourceRecord[] {
  const canonical = canonicalSources(sources, aliases);
  const sameName = new Map<string, RegisteredSource>();
  for (const [key, source] of canonical) sameName.set(certainKey(key), source);
  const first = firstReported(entries, repeaters);
  const groups = new Map<string, Group>();
  for (const entry of [...entries].sort(inPublicationOrder)) {
    const nameKey = certainKey(entry.sourceKey);
    const source = canonical.get(entry.sourceKey) ?? sameName.get(nameKey);
    const key = source ? `source:${source.sourceId}` : `key:${nameKey}`;
    const group = groups.get(key) ?? newGroup(groups, key, source, entry);
    addTo(group, entry, first);
  }
  return [...groups.values()]
    .sort((a, b) => byNumber(a.earliest, b.earliest) || comparePositions(a.spelling.position, b.spelling.position))
    .map(sourceRecord);
}

const certainKeys = new Map<string, string>();

/** The key under which spellings are certainly one source; a name of punctuation alone keeps its own. */
function certainKey(sourceKey: string): string {
  let key = certainKeys.get(sourceKey);
  if (key === undefined) {
    key = sourceNameKey(sourceKey) || sourceKey;
    if (certainKeys.size > 50_000) certainKeys.clear();
    certainKeys.set(sourceKey, key);
  }
  return key;
}

function newGroup(groups: Map<string, Group>, key: string, registered: RegisteredSource | undefined, entry: LedgerEntry): Group {
  const group: Group = { registered, reports: [], facts: [], items: new Set(), earliest: Infinity, spelling: { name: entry.sourceName, position: entry.position } };
  groups.set(key, group);
  return group;
}

/** Entries arrive in publication order; a fact a source both published and was credited with counts once. */
function addTo(group: Group, entry: LedgerEntry, first: ReadonlySet<string>): void {
  if (entry.position < group.spelling.position) group.spelling = { name: entry.sourceName, position: entry.position };
  const item = `${entry.itemKind}:${entry.itemId}`;
  if (group.items.has(item)) return;
  group.items.add(item);
  group.earliest = Math.min(group.earliest, time(entry.reportedAt));
  const reportedAt = isoOrNull(entry.reportedAt);
  if (entry.itemKind === 'report') {
    group.reports.push({ reportId: entry.reportId, reportedAt });
  } else {
    const { status = 'active', corrected = false } = entry;
    group.facts.push({ id: entry.itemId, statement: entry.statement ?? '', reportedAt, role: entry.role, first: first.has(entry.itemId), status, corrected });
  }
}

function sourceRecord(group: Group): SourceRecord {
  const { registered, reports, facts } = group;
  if (!registered) return { name: group.spelling.name, reports, facts };
  return { name: registered.name, kind: registered.kind, reports, facts };
}

/** Publication order (unknown last), then log order; an outlet's row before an attribution's. */
function inPublicationOrder(a: LedgerEntry, b: LedgerEntry): number {
  return (
    byNumber(time(a.reportedAt), time(b.reportedAt)) ||
    comparePositions(a.position, b.position) ||
    (a.role === b.role ? 0 : a.role === 'outlet' ? -1 : 1)
  );
}

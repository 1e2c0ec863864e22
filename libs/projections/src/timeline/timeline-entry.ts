import type { LinkKind, Verdict } from '@storyline/story-events';
import type { FactView } from '../facts/fact-view';
import { isoOrNull } from '../runtime/as-of';
import type { FactLinkRow } from '../schema/fact-link.entity';
import type { FactStatus } from '../schema/fact-version.entity';
import type { TimelineEntryRow } from '../schema/timeline-entry.entity';

/** One report or fact on a story's timeline (SPEC "API v1"); times are ISO-8601 UTC. */
export interface TimelineEntry {
  readonly kind: 'report' | 'fact';
  readonly id: string;
  readonly reportId: string;
  /** The outlet as its report spelled it, or 'unknown outlet'. */
  readonly source: string;
  readonly reportedAt: string | null;
  readonly recordedAt: string;
  readonly occurred?: { readonly from: string | null; readonly to: string | null; readonly precision: string };
  readonly statement?: string;
  readonly attributedTo?: string;
  readonly modality?: string;
  readonly evidence?: { readonly start: number; readonly end: number };
  /** Facts only: a retracted fact stays on the timeline, so an auditor sees it. */
  readonly status?: FactStatus;
  /** Facts only: the outlet corrected it; `statement` is then the corrected one. */
  readonly corrected?: boolean;
  /** Facts only, when an analyst gave one: the latest verdict the view may see. */
  readonly verdict?: Verdict;
  readonly headline?: string;
  readonly url?: string;
}

/** A typed relation between two facts on the timeline, so contradictions can be drawn. */
export interface TimelineLink {
  readonly id: string;
  readonly kind: LinkKind;
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly reason?: string;
}

/** A timeline row as one view sees it: a fact's content after the versions the view may see. */
export interface ViewedEntryRow extends TimelineEntryRow {
  readonly status?: FactStatus;
  readonly corrected?: boolean;
  readonly verdict?: Verdict;
}

const timeOrNull = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** A fact's row with its content, status and verdict as the view sees them; reports unchanged. */
export function viewedRow(row: TimelineEntryRow, view: FactView | undefined): ViewedEntryRow {
  if (row.kind !== 'fact') return row;
  if (view === undefined) return { ...row, status: 'active', corrected: false };
  const { content } = view;
  return {
    ...row,
    statement: content.statement,
    attributedTo: content.attributedTo,
    modality: content.modality,
    occurredFrom: timeOrNull(content.occurred?.from),
    occurredTo: timeOrNull(content.occurred?.to),
    occurredPrecision: content.occurred?.precision ?? null,
    evidenceStart: content.evidence.start,
    evidenceEnd: content.evidence.end,
    status: view.status,
    corrected: view.corrected,
    ...(view.verdict === undefined ? {} : { verdict: view.verdict }),
  };
}

/** A row as the API shows it: optional fields left out rather than sent as null. */
export function timelineEntry(row: ViewedEntryRow): TimelineEntry {
  const entry = {
    kind: row.kind,
    id: row.id,
    reportId: row.reportId,
    source: row.source,
    reportedAt: isoOrNull(row.reportedAt),
    recordedAt: row.recordedAt.toISOString(),
  };
  if (row.kind === 'report') return { ...entry, ...present({ headline: row.headline, url: row.url }) };
  return {
    ...entry,
    ...(row.occurredPrecision === null
      ? {}
      : { occurred: { from: isoOrNull(row.occurredFrom), to: isoOrNull(row.occurredTo), precision: row.occurredPrecision } }),
    ...present({ statement: row.statement, attributedTo: row.attributedTo, modality: row.modality }),
    ...(row.evidenceStart === null || row.evidenceEnd === null ? {} : { evidence: { start: row.evidenceStart, end: row.evidenceEnd } }),
    status: row.status ?? 'active',
    corrected: row.corrected ?? false,
    ...(row.verdict === undefined ? {} : { verdict: row.verdict }),
  };
}

export function timelineLink(row: FactLinkRow): TimelineLink {
  const link = { id: row.linkId, kind: row.kind, fromFactId: row.fromFactId, toFactId: row.toFactId };
  return row.reason === null ? link : { ...link, reason: row.reason };
}

function present<T extends Record<string, string | null>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as { [K in keyof T]?: string };
}

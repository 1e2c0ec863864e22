import { comparePositions } from '@storyline/story-events';
import type { Evidence, FactChanges, Modality, OccurredInterval } from '@storyline/story-events';
import type { Clock } from '@storyline/story-events';
import type { FactStatus, FactVersionKind } from '../schema/fact-version.entity';

/** What a fact says, as a view sees it. */
export interface FactContent {
  readonly statement: string;
  readonly attributedTo: string | null;
  readonly modality: Modality;
  readonly occurred: OccurredInterval | null;
  readonly evidence: Evidence;
}

/** A fact as one view sees it: its content after the versions the view may see. */
export interface FactState {
  readonly content: FactContent;
  readonly status: FactStatus;
  /** The outlet corrected it (an analyst's amendment is not a correction). */
  readonly corrected: boolean;
}

/** What folding needs of a version. */
export interface FactVersionLike {
  readonly kind: FactVersionKind;
  readonly changes: FactChanges;
  readonly effectiveAt: Date | null;
  readonly position: bigint;
}

/** An unknown publication time is still before anything that corrects it. */
const effective = (version: FactVersionLike): number => version.effectiveAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/**
 * Versions in the order a clock applies them. Recorded: the log's order. Reported: when each
 * counts for the outlet's public (an amendment counts from the fact's own report), ties by
 * log position.
 */
export function inClockOrder<T extends FactVersionLike>(versions: readonly T[], clock: Clock): T[] {
  const sorted = [...versions].sort((a, b) => comparePositions(a.position, b.position));
  if (clock === 'recorded') return sorted;
  return sorted.sort((a, b) => effective(a) - effective(b) || comparePositions(a.position, b.position));
}

/**
 * Folds the versions a view may see into the fact it shows: the reported version first
 * (whatever its effective time), then the others in the clock's order. Null when the view
 * cannot see the fact's report.
 */
export function foldFact(versions: readonly FactVersionLike[], clock: Clock): FactState | null {
  const reported = versions.find((version) => version.kind === 'reported');
  if (!reported) return null;
  let state: FactState = { content: contentOf(reported.changes), status: 'active', corrected: false };
  for (const version of inClockOrder(versions, clock)) {
    if (version !== reported) state = applyVersion(state, version);
  }
  return state;
}

/** One version applied to a fact: content changes, and what a correction or retraction says of it. */
export function applyVersion(state: FactState, version: FactVersionLike): FactState {
  return {
    content: applyChanges(state.content, version.changes),
    status: version.kind === 'retracted' ? 'retracted' : state.status,
    corrected: state.corrected || version.kind === 'corrected',
  };
}

/** Changes that name a field set it (null included); absent fields stay as they were. */
export function applyChanges(content: FactContent, changes: FactChanges): FactContent {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...content, ...set };
}

/** The reported version's changes name every field. */
function contentOf(changes: FactChanges): FactContent {
  const { statement, attributedTo, modality, occurred, evidence } = changes;
  if (statement === undefined || modality === undefined || evidence === undefined) {
    throw new Error('a reported fact version must carry statement, modality and evidence');
  }
  return { statement, attributedTo: attributedTo ?? null, modality, occurred: occurred ?? null, evidence };
}

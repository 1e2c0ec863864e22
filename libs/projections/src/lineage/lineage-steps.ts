import { comparePositions, type Position } from '@storyline/story-events';
import type { FactChanges, LinkKind, Verdict } from '@storyline/story-events';
import type { FactHistory } from '../facts/fact-view';
import { isoOrNull } from '../runtime/as-of';
import { type Clock } from '@storyline/story-events';
import type { FactLinkRow, FactVerdictRow } from '../schema/fact-link.entity';
import type { FactVersionRow } from '../schema/fact-version.entity';

export type LineageStepKind = 'reported' | 'repeated' | 'amended' | 'corrected' | 'retracted' | 'linked' | 'verdict';

/** One thing that happened to a fact (SPEC "API v1": `GET /facts/{id}/lineage`). */
export interface LineageStep {
  readonly kind: LineageStepKind;
  /**
   * When, on the view's clock. Reported: the publication of the report, correction or
   * retraction (null when unknown); links and verdicts exist on the recorded clock only,
   * so theirs is when they were recorded. Recorded: `recordedAt`.
   */
  readonly at: string | null;
  /** The reported-clock time of a version or of the repeating report; absent for links and verdicts. */
  readonly reportedAt?: string | null;
  readonly recordedAt: string;
  readonly position: Position;
  readonly reportId?: string;
  readonly actor?: string;
  readonly reason?: string;
  /** The fact at the other end of a link, or the fact that repeated this one. */
  readonly relatedFactId?: string;
  readonly linkKind?: LinkKind;
  readonly verdict?: Verdict;
  readonly changes?: FactChanges;
}

/** What a 'repeated' step shows of the repeating fact. */
export interface RepeatingFact {
  readonly reportId: string;
  readonly reportedAt: Date | null;
}

type StepFields = { [K in keyof LineageStep]?: LineageStep[K] | null | undefined };

/** Leaves out what does not apply rather than sending null (except `at` and `reportedAt`, where null means unknown). */
function step(fields: StepFields): LineageStep {
  const kept = Object.entries(fields).filter(([key, value]) => value !== undefined && (value !== null || key === 'at' || key === 'reportedAt'));
  return Object.fromEntries(kept) as unknown as LineageStep;
}

const recorded = (row: { recordedAt: Date; position: bigint }) => ({
  recordedAt: row.recordedAt.toISOString(),
  position: row.position,
});

function versionStep(version: FactVersionRow, clock: Clock): LineageStep {
  const reportedAt = isoOrNull(version.effectiveAt);
  return step({
    kind: version.kind,
    at: clock === 'reported' ? reportedAt : version.recordedAt.toISOString(),
    reportedAt,
    ...recorded(version),
    reportId: version.reportId,
    actor: version.actor,
    reason: version.reason,
    changes: version.kind === 'amended' || version.kind === 'corrected' ? version.changes : undefined,
  });
}

function linkStep(link: FactLinkRow, factId: string, clock: Clock, repeating: ReadonlyMap<string, RepeatingFact>): LineageStep {
  const common = { ...recorded(link), actor: link.actor, reason: link.reason, linkKind: link.kind };
  if (link.kind !== 'repeats' || link.toFactId !== factId) {
    const relatedFactId = link.fromFactId === factId ? link.toFactId : link.fromFactId;
    return step({ kind: 'linked', at: link.recordedAt.toISOString(), ...common, relatedFactId });
  }
  const by = repeating.get(link.fromFactId);
  const reportedAt = by ? isoOrNull(by.reportedAt) : undefined;
  const at = clock === 'reported' ? (reportedAt ?? null) : link.recordedAt.toISOString();
  return step({ kind: 'repeated', at, reportedAt, ...common, reportId: by?.reportId, relatedFactId: link.fromFactId });
}

function verdictStep(row: FactVerdictRow): LineageStep {
  return step({ kind: 'verdict', at: row.recordedAt.toISOString(), ...recorded(row), actor: row.actor, reason: row.reason, verdict: row.verdict });
}

/**
 * A fact's steps in log order: its report, amendments, corrections, retraction, links (a
 * `repeats` link from a later fact is its being repeated) and verdicts the view may see.
 */
export function lineageSteps(factId: string, history: FactHistory, clock: Clock, repeating: ReadonlyMap<string, RepeatingFact>): LineageStep[] {
  const steps = [
    ...history.versions.filter((version) => version.factId === factId).map((version) => versionStep(version, clock)),
    ...history.links.map((link) => linkStep(link, factId, clock, repeating)),
    ...history.verdicts.filter((row) => row.factId === factId).map(verdictStep),
  ];
  return steps.sort((a, b) => comparePositions(a.position, b.position));
}

import { foldFact, inClockOrder } from '../facts/fact-state';
import type { FactHistory } from '../facts/fact-view';
import { isoOrNull } from '../runtime/as-of';
import { type Clock } from '@storyline/story-events';
import type { FactLinkRow } from '../schema/fact-link.entity';
import type { FactVersionRow } from '../schema/fact-version.entity';
import type { TimelineEntryRow } from '../schema/timeline-entry.entity';

/** A report that brought a fact or a change to it. */
export interface DiffReport {
  readonly reportId: string;
  readonly source: string;
  readonly reportedAt: string | null;
}

/** A fact in a diff: its statement as of the diff's end, and when (on the diff's clock) the item happened. */
export interface DiffFact {
  readonly factId: string;
  readonly statement: string;
  readonly at: string;
  readonly reports: DiffReport[];
}

/** One correction: the statement just before it and just after it. */
export interface CorrectedFact extends DiffFact {
  readonly before: string;
  readonly after: string;
  readonly reason: string;
}

export interface RetractedFact extends DiffFact {
  readonly reason: string;
}

/** A `contradicts` link recorded in the window: this fact contradicts `contradicts`. */
export interface ContradictedFact extends DiffFact {
  readonly linkId: string;
  readonly contradicts: Omit<DiffFact, 'at'>;
  readonly reason?: string;
}

export interface DiffWindow {
  readonly from: Date;
  readonly to: Date;
  readonly clock: Clock;
}

/** What a diff is computed from: a story's rows and history up to the diff's position. */
export interface DiffInput {
  readonly rows: readonly TimelineEntryRow[];
  readonly history: FactHistory;
}

export interface DiffItems {
  readonly added: DiffFact[];
  readonly corrected: CorrectedFact[];
  readonly retracted: RetractedFact[];
  readonly contradicted: ContradictedFact[];
}

/**
 * What changed in a story between two instants on one clock: facts reported (or recorded)
 * in (from, to], corrections and retractions that count in it, and contradictions that became
 * visible in it: on the reported clock when the later of the two facts was reported, on the
 * recorded clock when the link was recorded (as the timeline shows links).
 */
export function storyDiff(input: DiffInput, window: DiffWindow): DiffItems {
  const story = new StoryAt(input, window);
  const inWindow = (time: Date | null): boolean => time !== null && time > window.from && time <= window.to;
  const changes = (kind: 'corrected' | 'retracted'): FactVersionRow[] =>
    input.history.versions
      .filter((version) => version.kind === kind && inWindow(story.versionTime(version)) && story.has(version.factId))
      .sort(chronological((version) => story.versionTime(version)));
  return {
    added: input.rows
      .filter((row) => row.kind === 'fact' && inWindow(story.timeOf(row)))
      .sort(chronological((row) => story.timeOf(row)))
      .map((row) => story.added(row)),
    corrected: changes('corrected').map((version) => story.corrected(version)),
    retracted: changes('retracted').map((version) => story.retracted(version)),
    contradicted: input.history.links
      .filter((link) => link.kind === 'contradicts' && story.has(link.fromFactId) && story.has(link.toFactId) && inWindow(story.linkTime(link)))
      .sort(chronological((link) => story.linkTime(link)))
      .map((link) => story.contradicted(link)),
  };
}

/** By time on the diff's clock (known here: the items are in the window), then log position. */
const chronological =
  <T extends { readonly position: bigint }>(time: (item: T) => Date | null) =>
  (a: T, b: T): number =>
    time(a)!.getTime() - time(b)!.getTime() || (a.position === b.position ? 0 : a.position < b.position ? -1 : 1);

type FactPart = Omit<DiffFact, 'at'>;

/** The story as of the diff's end, on its clock. */
class StoryAt {
  private readonly facts = new Map<string, TimelineEntryRow>();
  private readonly reports = new Map<string, TimelineEntryRow>();
  private readonly versions = new Map<string, FactVersionRow[]>();

  constructor(input: DiffInput, private readonly window: DiffWindow) {
    for (const row of input.rows) (row.kind === 'fact' ? this.facts : this.reports).set(row.id, row);
    for (const version of input.history.versions) {
      const time = this.versionTime(version);
      if (time === null || time > window.to) continue;
      const versions = this.versions.get(version.factId);
      if (versions) versions.push(version);
      else this.versions.set(version.factId, [version]);
    }
  }

  timeOf(row: { reportedAt: Date | null; recordedAt: Date }): Date | null {
    return this.window.clock === 'reported' ? row.reportedAt : row.recordedAt;
  }

  /** When a link becomes visible on the diff's clock: both facts reported, or the link recorded. */
  linkTime(link: FactLinkRow): Date | null {
    if (this.window.clock === 'recorded') return link.recordedAt;
    const from = this.facts.get(link.fromFactId)?.reportedAt ?? null;
    const to = this.facts.get(link.toFactId)?.reportedAt ?? null;
    return from === null || to === null ? null : from > to ? from : to;
  }

  versionTime(version: FactVersionRow): Date | null {
    return this.window.clock === 'reported' ? version.effectiveAt : version.recordedAt;
  }

  /** The fact is on the timeline as of the diff's end. */
  has(factId: string): boolean {
    const row = this.facts.get(factId);
    const time = row ? this.timeOf(row) : null;
    return time !== null && time <= this.window.to;
  }

  added(row: TimelineEntryRow): DiffFact {
    return { ...this.fact(row.id), at: this.timeOf(row)!.toISOString() };
  }

  corrected(version: FactVersionRow): CorrectedFact {
    const { before, after } = this.around(version);
    const at = this.versionTime(version)!.toISOString();
    return { ...this.fact(version.factId, version.reportId), statement: after, at, before, after, reason: version.reason ?? '' };
  }

  retracted(version: FactVersionRow): RetractedFact {
    const at = this.versionTime(version)!.toISOString();
    return { ...this.fact(version.factId, version.reportId), statement: this.around(version).after, at, reason: version.reason ?? '' };
  }

  contradicted(link: FactLinkRow): ContradictedFact {
    const fact = { ...this.fact(link.fromFactId), at: this.linkTime(link)!.toISOString(), linkId: link.linkId, contradicts: this.fact(link.toFactId) };
    return link.reason === null ? fact : { ...fact, reason: link.reason };
  }

  /** The fact's statement as of the diff's end, with its report (and the one carrying a change). */
  private fact(factId: string, changedBy?: string | null): FactPart {
    const row = this.facts.get(factId)!;
    const state = foldFact(this.versions.get(factId) ?? [], this.window.clock);
    const reportIds = changedBy && changedBy !== row.reportId ? [row.reportId, changedBy] : [row.reportId];
    return { factId, statement: state?.content.statement ?? row.statement ?? '', reports: reportIds.flatMap((id) => this.report(id)) };
  }

  /** The statement just before and just after a version, among the versions the diff's end sees. */
  private around(version: FactVersionRow): { before: string; after: string } {
    const versions = this.versions.get(version.factId) ?? [];
    const reported = versions.filter((candidate) => candidate.kind === 'reported');
    const changes = inClockOrder(versions, this.window.clock).filter((candidate) => candidate.kind !== 'reported');
    const index = changes.findIndex((candidate) => candidate.position === version.position);
    const statement = (upTo: number): string => foldFact([...reported, ...changes.slice(0, upTo)], this.window.clock)?.content.statement ?? '';
    return { before: statement(index), after: statement(index + 1) };
  }

  private report(reportId: string): DiffReport[] {
    const row = this.reports.get(reportId);
    return row ? [{ reportId, source: row.source, reportedAt: isoOrNull(row.reportedAt) }] : [];
  }
}

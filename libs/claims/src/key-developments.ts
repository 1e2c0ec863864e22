import { dayOf, daysBetween } from './fact-day';
import type { Claim } from './types';

/** One claim on its occurred day. */
export interface Development {
  readonly claimId: string;
  readonly day: string;
  readonly statement: string;
  readonly outletCount: number;
  readonly reportCount: number;
  readonly first: Claim['first'];
  readonly contradictedBy: readonly string[];
}

/** A day of the key-developments view, with its claims ranked and the score that ranked the day. */
export interface DevelopmentDay {
  readonly day: string;
  /** Σ over the reports that carry a claim dated to this day of the weight of that report (see `reportWeight`). */
  readonly score: number;
  readonly reportCount: number;
  readonly outletCount: number;
  readonly developments: readonly Development[];
}

export interface KeyDevelopments {
  /** Days ranked by score (ties: the earlier day), each with its claims ranked by outlets, then reports. */
  readonly days: readonly DevelopmentDay[];
  /** Claims with no day-precision occurred time: shown apart, never guessed onto a day. */
  readonly undated: number;
  /** Claims dated long before the story's first report (history the reports recall), kept out of the ranking. */
  readonly background: readonly Development[];
  /** Ids of claims set aside as one outlet's template text (see `templateShare`). */
  readonly templates: readonly string[];
}

export interface DevelopmentOptions {
  /**
   * Weight of one report carrying a claim dated `gap` days before the report was published. A
   * day that reports still name weeks later is one the story turned on; a report on the same
   * day counts once.
   */
  readonly reportWeight: (gapDays: number) => number;
  /**
   * Factor on a report's weight when its fact names the day as a calendar date ("on March 17")
   * rather than relative to the report ("on Friday"): reports that name the date recall a day
   * the story turned on.
   */
  readonly calendarDateWeight: number;
  /** Only claims carried by at least this many reports become developments. */
  readonly minReports: number;
  /**
   * A claim only one outlet carries, in more than this share of that outlet's reports on the
   * story (and at least `templateMinReports` of them), is the outlet's template text (a comment
   * policy, an advertisement, a related-story teaser), not a development.
   */
  readonly templateShare: number;
  readonly templateMinReports: number;
  /** Claims dated more than this many days before the story's first report are background. */
  readonly backgroundDays: number;
}

export const DEFAULT_DEVELOPMENTS: DevelopmentOptions = {
  reportWeight: (gap) => 1 + Math.log2(1 + Math.min(Math.max(gap, 0), 30)) / 2,
  calendarDateWeight: 1.5,
  minReports: 1,
  templateShare: 0.1,
  templateMinReports: 10,
  backgroundDays: 31,
};

/**
 * The key developments of a story: one entry per dated claim on its occurred day, the days
 * ranked by how many reports (weighted by how long after the day they still carry it) name a
 * claim on that day, and each day's claims by how many outlets, then reports, carry them.
 * Pure and deterministic.
 */
export function keyDevelopments(claims: readonly Claim[], options: Partial<DevelopmentOptions> = {}): KeyDevelopments {
  const settings = { ...DEFAULT_DEVELOPMENTS, ...options };
  const { reportWeight, minReports } = settings;
  const story = storyExtent(claims);
  const isTemplate = templateTest(story.reportsByOutlet, settings);
  const byDay = new Map<string, { developments: Development[]; reports: Map<string, number>; outlets: Set<string> }>();
  const background: Development[] = [];
  const templates: string[] = [];
  let undated = 0;
  for (const claim of claims) {
    if (isTemplate(claim)) {
      templates.push(claim.id);
      continue;
    }
    if (claim.occurredDay === null) {
      undated += 1;
      continue;
    }
    if (claim.reportCount < minReports) continue;
    const day = claim.occurredDay;
    if (story.firstDay !== null && daysBetween(day, story.firstDay) > settings.backgroundDays) {
      background.push(developmentOf(claim, day));
      continue;
    }
    if (!byDay.has(day)) byDay.set(day, { developments: [], reports: new Map(), outlets: new Set() });
    const entry = byDay.get(day)!;
    entry.developments.push(developmentOf(claim, day));
    for (const member of claim.members) {
      const stated = member.statesDate === true && member.occurredDay === day;
      const weight = reportWeight(daysBetween(day, dayOf(member.reportedAt))) * (stated ? settings.calendarDateWeight : 1);
      entry.reports.set(member.reportId, Math.max(entry.reports.get(member.reportId) ?? 0, weight));
      entry.outlets.add(member.outlet);
    }
  }
  const days: DevelopmentDay[] = [...byDay].map(([day, entry]) => ({
    day,
    score: Math.round([...entry.reports.values()].reduce((sum, weight) => sum + weight, 0) * 1000) / 1000,
    reportCount: entry.reports.size,
    outletCount: entry.outlets.size,
    developments: entry.developments.sort(byCarriage),
  }));
  days.sort((a, b) => b.score - a.score || a.day.localeCompare(b.day));
  return { days, undated, background: background.sort(byCarriage), templates };
}

function storyExtent(claims: readonly Claim[]): { firstDay: string | null; reportsByOutlet: Map<string, number> } {
  const reports = new Map<string, string>();
  let firstDay: string | null = null;
  for (const claim of claims) {
    for (const member of claim.members) {
      reports.set(member.reportId, member.outlet);
      const day = dayOf(member.reportedAt);
      if (firstDay === null || day < firstDay) firstDay = day;
    }
  }
  const reportsByOutlet = new Map<string, number>();
  for (const outlet of reports.values()) reportsByOutlet.set(outlet, (reportsByOutlet.get(outlet) ?? 0) + 1);
  return { firstDay, reportsByOutlet };
}

function templateTest(reportsByOutlet: ReadonlyMap<string, number>, settings: DevelopmentOptions): (claim: Claim) => boolean {
  return (claim) =>
    claim.outlets.length === 1 &&
    claim.reportCount >= settings.templateMinReports &&
    claim.reportCount > settings.templateShare * (reportsByOutlet.get(claim.outlets[0]) ?? 0);
}

/** The `k` highest-ranked days of the view, as a timeline shows them (in date order). */
export function topDays(view: KeyDevelopments, k: number): string[] {
  return view.days.slice(0, Math.max(0, k)).map((day) => day.day).sort();
}

function developmentOf(claim: Claim, day: string): Development {
  return {
    claimId: claim.id,
    day,
    statement: claim.statement,
    outletCount: claim.outlets.length,
    reportCount: claim.reportCount,
    first: claim.first,
    contradictedBy: claim.contradictedBy,
  };
}

function byCarriage(a: Development, b: Development): number {
  return b.outletCount - a.outletCount || b.reportCount - a.reportCount || a.first.reportedAt.localeCompare(b.first.reportedAt) || a.claimId.localeCompare(b.claimId);
}

import { dayOf, daysBetween } from './fact-day';
import type { Claim, ReportDay } from './types';

/** Which ranking ordered the days, so a client (or an evaluation) can tell two orders apart. */
export interface Ranking {
  readonly name: 'later-mentions' | 'claim-reports';
  readonly version: number;
}

/** Days ranked by how many reports published a day or more later name them in any sentence. */
export const LATER_MENTIONS: Ranking = { name: 'later-mentions', version: 1 };
/** Days ranked by the reports carrying a claim dated to them (used when no report days are given). */
export const CLAIM_REPORTS: Ranking = { name: 'claim-reports', version: 2 };

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
  /**
   * What ranked the day. With `later-mentions`: how many reports published at least
   * `laterByDays` after the day name it. With `claim-reports`: Σ over the reports that carry a
   * claim dated to this day of the weight of that report (see `reportWeight`).
   */
  readonly score: number;
  /** Σ over the reports that carry a claim dated to this day of the weight of that report (the `claim-reports` score). */
  readonly claimScore: number;
  /** Reports published at least `laterByDays` after the day that name it in any sentence (0 without report days). */
  readonly laterMentions: number;
  readonly reportCount: number;
  readonly outletCount: number;
  readonly developments: readonly Development[];
}

export interface KeyDevelopments {
  readonly ranking: Ranking;
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
  /** A report counts as a later mention of a day when published at least this many days after it. */
  readonly laterByDays: number;
}

export const DEFAULT_DEVELOPMENTS: DevelopmentOptions = {
  reportWeight: (gap) => 1 + Math.log2(1 + Math.min(Math.max(gap, 0), 30)) / 2,
  calendarDateWeight: 1.5,
  minReports: 1,
  templateShare: 0.1,
  templateMinReports: 10,
  backgroundDays: 31,
  laterByDays: 1,
};

/**
 * The key developments of a story: one entry per dated claim on its occurred day, each day's
 * claims ranked by how many outlets, then reports, carry them. Pure and deterministic.
 *
 * With `reportDays` (the days each report names in any sentence) the days are ranked by
 * `later-mentions`: how many distinct reports published at least a day after a day name it,
 * i.e. later coverage looking back at it; ties go to the earlier day. A
 * day later reports name but no claim is dated to keeps its place, with no developments. Only
 * the reports given count, so a caller that passes the reports visible at an instant gets the
 * ranking as of that instant. Without `reportDays`, days are ranked by `claim-reports`: the
 * reports carrying a claim dated to the day, weighted by how long after the day they came.
 */
export function keyDevelopments(claims: readonly Claim[], options: Partial<DevelopmentOptions> = {}, reportDays?: readonly ReportDay[]): KeyDevelopments {
  const settings = { ...DEFAULT_DEVELOPMENTS, ...options };
  const { reportWeight, minReports } = settings;
  const story = storyExtent(claims, reportDays ?? []);
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
  const mentions = reportDays ? laterMentions(reportDays, settings.laterByDays, (day) => story.firstDay !== null && daysBetween(day, story.firstDay) > settings.backgroundDays) : new Map<string, number>();
  const claimDays = [...byDay].map(([day, entry]) => ({
    day,
    claimScore: Math.round([...entry.reports.values()].reduce((sum, weight) => sum + weight, 0) * 1000) / 1000,
    reportCount: entry.reports.size,
    outletCount: entry.outlets.size,
    developments: entry.developments.sort(byCarriage),
  }));
  const mentionedOnly = [...mentions.keys()].filter((day) => !byDay.has(day)).map((day) => ({ day, claimScore: 0, reportCount: 0, outletCount: 0, developments: [] }));
  const days: DevelopmentDay[] = [...claimDays, ...mentionedOnly].map((entry) => {
    const later = mentions.get(entry.day) ?? 0;
    return { ...entry, score: reportDays ? later : entry.claimScore, laterMentions: later };
  });
  days.sort((a, b) => b.score - a.score || a.day.localeCompare(b.day));
  return { ranking: reportDays ? LATER_MENTIONS : CLAIM_REPORTS, days, undated, background: background.sort(byCarriage), templates };
}

/** Per day, the distinct reports published at least `laterBy` days after it that name it (background days left out). */
function laterMentions(reportDays: readonly ReportDay[], laterBy: number, isBackground: (day: string) => boolean): Map<string, number> {
  const reports = new Map<string, Set<string>>();
  for (const mention of reportDays) {
    if (daysBetween(mention.day, dayOf(mention.reportedAt)) < laterBy || isBackground(mention.day)) continue;
    if (!reports.has(mention.day)) reports.set(mention.day, new Set());
    reports.get(mention.day)!.add(mention.reportId);
  }
  return new Map([...reports].map(([day, named]) => [day, named.size]));
}

function storyExtent(claims: readonly Claim[], reportDays: readonly ReportDay[]): { firstDay: string | null; reportsByOutlet: Map<string, number> } {
  const reports = new Map<string, string>();
  const published: string[] = reportDays.map((mention) => dayOf(mention.reportedAt));
  for (const claim of claims) {
    for (const member of claim.members) {
      reports.set(member.reportId, member.outlet);
      published.push(dayOf(member.reportedAt));
    }
  }
  const firstDay = published.length === 0 ? null : published.reduce((first, day) => (day < first ? day : first));
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

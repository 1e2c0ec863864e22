import type { Position } from '@storyline/story-events';
import { assembleClaim, CLAIMS_RULES_VERSION, joinAcrossHomes, keyDevelopments, type Claim, type GroupingRule, type Ranking, type ReportDay, type RulesVersion, type StoredMember } from '@storyline/claims';
import type { AsOf } from '@storyline/story-events';
import type { DataSource, EntityManager } from 'typeorm';
import { MEMBERSHIP_PROJECTION, storyMembers } from '../membership/membership.reader';
import { viewPosition } from '../runtime/as-of';
import { applyFactChanges } from './claim-changes';
import { ClaimsProjection } from './claims.projection';

export interface ClaimMemberView {
  readonly factId: string;
  readonly reportId: string;
  readonly outlet: string;
  readonly reportedAt: string | null;
  readonly role: 'first' | 'repeats' | 'corroborates';
  readonly rule: GroupingRule;
  readonly score: number;
  readonly statement: string;
  /** The extractor ("name version") that found the fact, from its event; null when the report came with its facts. */
  readonly extractor: string | null;
  /** The claims rules that placed it. */
  readonly rules: RulesVersion;
}

export interface ClaimReportView {
  readonly reportId: string;
  readonly outlet: string;
  readonly reportedAt: string | null;
}

export interface ClaimView {
  readonly id: string;
  readonly statement: string;
  /** The day most of its reports give as the occurred time, or null (`undated`) when none dates it to a day. */
  readonly occurred: { readonly day: string | null; readonly rule: 'occurred-day' | 'undated' };
  readonly firstReport: ClaimReportView;
  readonly outlets: readonly string[];
  readonly reports: readonly ClaimReportView[];
  readonly members: readonly ClaimMemberView[];
  /** Ids of the claims a `contradicts` link between their facts sets against this one. */
  readonly contradictedBy: readonly string[];
  /** The claims rules that grouped it: those of its founding fact (or, unseen, of its earliest fact in view). */
  readonly rules: RulesVersion;
}

/** The rules the server groups by now, and whether anything in view was grouped by others (then rebuild `claims`). */
export interface ClaimsRulesView {
  readonly rules: RulesVersion;
  readonly rebuildNeeded: boolean;
}

export interface StoryClaims extends ClaimsRulesView {
  readonly position: Position;
  readonly claims: readonly ClaimView[];
}

/** One claim on the day it belongs to, as the key-developments view lists it. */
export interface DevelopmentView {
  readonly claimId: string;
  readonly day: string;
  /** `occurred-day`: the day its reports give; `first-reported`: undated, shown on its first report's day. */
  readonly dayRule: 'occurred-day' | 'first-reported';
  readonly rank: number;
  readonly statement: string;
  readonly outlets: readonly string[];
  readonly outletCount: number;
  readonly reportCount: number;
  readonly firstReport: ClaimReportView;
  readonly reports: readonly ClaimReportView[];
  readonly contradictedBy: readonly string[];
  readonly rules: RulesVersion;
}

/** A ranked day: its score and how many later reports name it (a day later reports name but no claim is dated to has no developments). */
export interface DevelopmentDayView {
  readonly day: string;
  readonly rank: number;
  readonly score: number;
  readonly laterMentions: number;
  readonly claims: number;
}

export interface StoryDevelopments extends ClaimsRulesView {
  readonly position: Position;
  /** Which ranking ordered the days (`later-mentions` 1: reports published a day or more later that name the day). */
  readonly ranking: Ranking;
  readonly days: readonly DevelopmentDayView[];
  readonly developments: readonly DevelopmentView[];
  /** Claims set aside: dated long before the story began, or one outlet's template text. */
  readonly background: readonly string[];
  readonly templates: readonly string[];
}

interface MemberRow {
  fact_id: string;
  claim_id: string;
  /** The home story whose rows hold it. */
  story_id: string;
  report_id: string;
  outlet: string;
  statement: string;
  rule: GroupingRule;
  score: number;
  occurred_day: string | null;
  extractor: string | null;
  rules_name: string;
  rules_version: string;
  reported_at: Date | null;
  recorded_at: Date;
  position: string;
}

const PROJECTIONS = [new ClaimsProjection().name, MEMBERSHIP_PROJECTION];

/**
 * Reads a story's claims as of any view: a claim shows only the members the view may see (on
 * the reported clock, facts published by `asOf`; on the recorded clock, recorded by then; up
 * to `atPosition`), and their roles, outlets and day are worked out from those alone. A
 * contradiction shows once both of its facts are in the view (and, on the recorded clock,
 * once the link was recorded). Amendments, corrections and retractions count as
 * {@link applyFactChanges} says.
 */
export class ClaimsReader {
  constructor(private readonly dataSource: DataSource) {}

  claims(storyId: string, view: AsOf = {}): Promise<StoryClaims> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await viewPosition(manager, PROJECTIONS, view);
      const claims = await claimsInView(manager, storyId, view, position);
      return { position, ...rulesOf(claims), claims: claims.map(toView) };
    });
  }

  /**
   * One entry per claim on its occurred day, ranked as libs/claims's key developments rank
   * them (days by how many reports carry them, each day's claims by outlets, then reports);
   * then the undated claims on their first report's day, by outlets and reports.
   */
  developments(storyId: string, view: AsOf = {}): Promise<StoryDevelopments> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const position = await viewPosition(manager, PROJECTIONS, view);
      const claims = await claimsInView(manager, storyId, view, position);
      const byId = new Map(claims.map((claim) => [claim.claim.id, claim]));
      const ranked = keyDevelopments(claims.map((claim) => claim.claim), {}, await reportDaysInView(manager, storyId, view, position));
      const dated = ranked.days.flatMap((day) => day.developments.map((development) => ({ entry: byId.get(development.claimId)!, day: day.day, dayRule: 'occurred-day' as const })));
      const undated = claims
        .filter((claim) => claim.claim.occurredDay === null && !ranked.templates.includes(claim.claim.id))
        .sort((a, b) => b.claim.outlets.length - a.claim.outlets.length || b.claim.reportCount - a.claim.reportCount || a.claim.first.reportedAt.localeCompare(b.claim.first.reportedAt))
        .map((entry) => ({ entry, day: entry.claim.first.reportedAt.slice(0, 10), dayRule: 'first-reported' as const }));
      const developments = [...dated, ...undated].map(({ entry, day, dayRule }, index): DevelopmentView => {
        const claim = toView(entry);
        return {
          claimId: claim.id, day, dayRule, rank: index + 1, statement: claim.statement, outlets: claim.outlets, outletCount: claim.outlets.length,
          reportCount: claim.reports.length, firstReport: claim.firstReport, reports: claim.reports, contradictedBy: claim.contradictedBy, rules: claim.rules,
        };
      });
      const days = ranked.days.map((day, index): DevelopmentDayView => ({ day: day.day, rank: index + 1, score: day.score, laterMentions: day.laterMentions, claims: day.developments.length }));
      return { position, ...rulesOf(claims), ranking: ranked.ranking, days, developments, background: ranked.background.map((entry) => entry.claimId), templates: [...ranked.templates] };
    });
  }
}

interface ClaimInView {
  readonly claim: Claim;
  readonly rows: ReadonlyMap<string, MemberRow>;
}

async function claimsInView(manager: EntityManager, storyId: string, view: AsOf, position: bigint): Promise<ClaimInView[]> {
  const clock = view.clock ?? 'reported';
  // Claims were grouped in each report's home story; a story holds those of its members in the view.
  const members = await storyMembers(manager, storyId, view, position);
  const instant = view.asOf === undefined ? '' : ` AND ${clock === 'reported' ? 'reported_at' : 'recorded_at'} <= $4`;
  const parameters = [members.homes, position.toString(), members.reports, ...(view.asOf === undefined ? [] : [view.asOf])];
  const reported: MemberRow[] = await manager.query(
    `SELECT fact_id, claim_id, story_id, report_id, outlet, statement, rule, score, occurred_day, extractor, rules_name, rules_version, reported_at, recorded_at, position::text AS position
       FROM claim_members WHERE story_id = ANY($1::uuid[]) AND position <= $2 AND ($3::uuid[] IS NULL OR report_id = ANY($3::uuid[]))${instant} ORDER BY position`,
    parameters,
  );
  const rows = await applyFactChanges(manager, members.homes, view, position, reported);
  const linkInstant = view.asOf !== undefined && clock === 'recorded' ? ' AND recorded_at <= $3' : '';
  const links: { from_fact_id: string; to_fact_id: string }[] = await manager.query(
    `SELECT from_fact_id, to_fact_id FROM claim_contradictions WHERE story_id = ANY($1::uuid[]) AND position <= $2${linkInstant} ORDER BY position`,
    linkInstant === '' ? [members.homes, position.toString()] : [members.homes, position.toString(), view.asOf],
  );
  const byClaim = new Map<string, MemberRow[]>();
  for (const row of rows) {
    const members = byClaim.get(row.claim_id);
    if (members) members.push(row);
    else byClaim.set(row.claim_id, [row]);
  }
  await joinHomes(manager, byClaim);
  const claimOfFact = new Map([...byClaim].flatMap(([claimId, members]) => members.map((member) => [member.fact_id, claimId] as const)));
  const contradictions = new Map<string, Set<string>>();
  for (const link of links) {
    const from = claimOfFact.get(link.from_fact_id);
    const to = claimOfFact.get(link.to_fact_id);
    if (from === undefined || to === undefined || from === to) continue;
    for (const [claim, other] of [[from, to], [to, from]]) {
      if (!contradictions.has(claim)) contradictions.set(claim, new Set());
      contradictions.get(claim)!.add(other);
    }
  }
  const claims = [...byClaim].map(([claimId, members]) => {
    // The founding fact's statement names the claim; if the view cannot see it yet, the earliest fact it can see does.
    const statement = (members.find((member) => member.fact_id === claimId) ?? members[0]).statement;
    const claim = assembleClaim(claimId, statement, members.map(storedMember), [...(contradictions.get(claimId) ?? [])]);
    return { claim, rows: new Map(members.map((member) => [member.fact_id, member])) };
  });
  return claims.sort((a, b) => a.claim.first.reportedAt.localeCompare(b.claim.first.reportedAt) || a.claim.id.localeCompare(b.claim.id));
}

/**
 * A story whose reports come from several homes (merged stories, reports moved or routed in)
 * holds each home's claims; the same claim stated in two homes becomes one, joined as
 * libs/claims's `joinAcrossHomes` decides from the claims' founding signatures. The founding
 * fact of a joined claim records the rule and score of that join.
 */
async function joinHomes(manager: EntityManager, byClaim: Map<string, MemberRow[]>): Promise<void> {
  // One home (a story never merged, or whose reports all came from one inbox): nothing to join, nothing to read.
  if (new Set([...byClaim.values()].map(([first]) => first.story_id)).size < 2) return;
  const stored: { claim_id: string; story_id: string; words: string[]; entities: string[]; occurred_day: string | null; position: string }[] = await manager.query(
    'SELECT claim_id, story_id, words, entities, occurred_day, position::text AS position FROM claims WHERE claim_id = ANY($1::uuid[])',
    [[...byClaim.keys()]],
  );
  const joins = joinAcrossHomes(
    stored.map((claim) => ({ id: claim.claim_id, home: claim.story_id, sequence: BigInt(claim.position), signature: { words: new Set(claim.words), entities: new Set(claim.entities) }, day: claim.occurred_day })),
  );
  for (const [claimId, join] of joins) {
    const joined = byClaim.get(claimId)!;
    byClaim.delete(claimId);
    byClaim.get(join.claimId)!.push(...joined.map((member) => (member.fact_id === claimId ? { ...member, claim_id: join.claimId, rule: join.rule, score: join.score } : { ...member, claim_id: join.claimId })));
  }
}

/**
 * The days the reports in the view name (on the reported clock, reports published by `asOf`;
 * on the recorded clock, recorded by then; up to the view's position).
 */
async function reportDaysInView(manager: EntityManager, storyId: string, view: AsOf, position: bigint): Promise<ReportDay[]> {
  const clock = view.clock ?? 'reported';
  // Like the claims: the days named by the story's members in the view, from their home stories' rows.
  const members = await storyMembers(manager, storyId, view, position);
  const instant = view.asOf === undefined ? '' : ` AND ${clock === 'reported' ? 'reported_at' : 'recorded_at'} <= $4`;
  const parameters = [members.homes, position.toString(), members.reports, ...(view.asOf === undefined ? [] : [view.asOf])];
  const rows: { report_id: string; outlet: string; reported_at: Date | null; recorded_at: Date; day: string }[] = await manager.query(
    `SELECT report_id, outlet, reported_at, recorded_at, day FROM claim_report_days
      WHERE story_id = ANY($1::uuid[]) AND position <= $2 AND ($3::uuid[] IS NULL OR report_id = ANY($3::uuid[]))${instant} ORDER BY position, day`,
    parameters,
  );
  return rows.map((row) => ({ reportId: row.report_id, outlet: row.outlet, reportedAt: (row.reported_at ?? row.recorded_at).toISOString(), day: row.day }));
}

/** A report with no publication time is ordered by when it was recorded, and says it has none. */
function storedMember(row: MemberRow): StoredMember {
  return {
    factId: row.fact_id,
    reportId: row.report_id,
    outlet: row.outlet,
    reportedAt: (row.reported_at ?? row.recorded_at).toISOString(),
    rule: row.rule,
    score: Number(row.score),
    occurredDay: row.occurred_day,
    sequence: BigInt(row.position),
  };
}

function toView({ claim, rows }: ClaimInView): ClaimView {
  const reportedAt = (factId: string): string | null => rows.get(factId)!.reported_at?.toISOString() ?? null;
  const members = claim.members.map((member): ClaimMemberView => {
    const row = rows.get(member.factId)!;
    return {
      factId: member.factId, reportId: member.reportId, outlet: member.outlet, reportedAt: reportedAt(member.factId), role: member.role,
      rule: member.rule, score: member.score, statement: row.statement, extractor: row.extractor, rules: rulesOfRow(row),
    };
  });
  const reports = new Map<string, ClaimReportView>();
  for (const member of members) if (!reports.has(member.reportId)) reports.set(member.reportId, { reportId: member.reportId, outlet: member.outlet, reportedAt: member.reportedAt });
  return {
    id: claim.id,
    statement: claim.statement,
    occurred: { day: claim.occurredDay, rule: claim.dayRule },
    firstReport: reports.get(claim.first.reportId)!,
    outlets: claim.outlets,
    reports: [...reports.values()],
    members,
    contradictedBy: claim.contradictedBy,
    rules: rulesOfRow(rows.get(claim.id) ?? rows.get(claim.members[0].factId)!),
  };
}

function rulesOfRow(row: MemberRow): RulesVersion {
  return { name: row.rules_name, version: row.rules_version };
}

const sameRules = (a: RulesVersion, b: RulesVersion): boolean => a.name === b.name && a.version === b.version;

function rulesOf(claims: readonly ClaimInView[]): ClaimsRulesView {
  return { rules: CLAIMS_RULES_VERSION, rebuildNeeded: claims.some((claim) => [...claim.rows.values()].some((row) => !sameRules(rulesOfRow(row), CLAIMS_RULES_VERSION))) };
}

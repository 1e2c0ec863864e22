import { dayOf, occurredDayOf, statesCalendarDay } from './fact-day';
import { jaccard, minHashKeys, sharedCount, signatureOf, type Signature } from './signature';
import type { Claim, ClaimFact, ClaimJoin, ClaimMember, DayRule, FactLink, GroupingRule } from './types';

/** Thresholds of the grouping rules; every claim member records the rule and score that placed it. */
export interface GroupingOptions {
  /** Jaccard similarity of content words at or above which two statements say the same thing. */
  readonly sameWording: number;
  /** Lower similarity accepted when both statements name the same actors (at least `sharedActors` entities). */
  readonly closeWording: number;
  readonly sharedActors: number;
  /** How many of the latest claims under one index key are compared: keeps adding a fact near constant time. */
  readonly candidatesPerKey: number;
}

export const DEFAULT_GROUPING: GroupingOptions = { sameWording: 0.6, closeWording: 0.35, sharedActors: 2, candidatesPerKey: 24 };

/** Statements shorter than this many content words only join by near-identical wording. */
const SHORT_STATEMENT = 4;
const SHORT_STATEMENT_SIMILARITY = 0.8;
const MAX_ACTORS_INDEXED = 6;

interface ClaimState {
  readonly id: string;
  readonly sequence: number;
  readonly signature: Signature;
  readonly statement: string;
  readonly members: Array<ClaimMember & { readonly sequence: number }>;
}

/**
 * Groups facts from different reports that state the same claim, one fact at a time (as a
 * projection sees them in log order): `add` answers which claim the fact joined and why.
 * Candidates come from an inverted index (MinHash bands of the content words, and pairs of
 * named actors), so adding a fact costs about the same at 30,000 facts as at 30. A fact joins
 * the candidate claim whose founding statement it matches best, by `same-wording` (content-word
 * Jaccard ≥ 0.6) or `same-actors-close-wording` (two shared actors and Jaccard ≥ 0.35); never a
 * claim whose founding fact names a different occurred day. Deterministic for a given order.
 */
export class ClaimIndex {
  private readonly claimsById = new Map<string, ClaimState>();
  private readonly claimOfFact = new Map<string, string>();
  private readonly buckets = new Map<string, string[]>();
  private readonly links: FactLink[] = [];
  private readonly factDays = new Map<string, string | null>();
  private contradictionsByClaim: Map<string, Set<string>> | null = null;
  private sequence = 0;

  constructor(private readonly options: GroupingOptions = DEFAULT_GROUPING) {}

  get size(): number {
    return this.claimsById.size;
  }

  /** Adds a fact; a fact id seen before answers its earlier join and changes nothing. */
  add(fact: ClaimFact): ClaimJoin {
    const known = this.claimOfFact.get(fact.id);
    if (known !== undefined) {
      const member = this.claimsById.get(known)!.members.find((candidate) => candidate.factId === fact.id)!;
      return { claimId: known, founded: member.rule === 'founds-claim', rule: member.rule, score: member.score };
    }
    const signature = signatureOf(fact.statement, (fact.entities ?? []).map((entity) => entity.name));
    const day = occurredDayOf(fact);
    this.factDays.set(fact.id, day);
    const keys = claimKeysOf(signature);
    const match = this.bestMatch(signature, day, keys);
    const sequence = (this.sequence += 1);
    const join: ClaimJoin = match ?? { claimId: fact.id, founded: true, rule: 'founds-claim', score: 1 };
    if (!match) {
      this.claimsById.set(fact.id, { id: fact.id, sequence, signature, statement: fact.statement, members: [] });
      for (const key of keys) this.bucket(key).push(fact.id);
    }
    const member = { factId: fact.id, reportId: fact.reportId, outlet: fact.outlet, reportedAt: fact.reportedAt, role: 'first' as const, rule: join.rule, score: join.score, occurredDay: day, statesDate: day !== null && statesCalendarDay(fact.statement, day), sequence };
    this.claimsById.get(join.claimId)!.members.push(member);
    this.claimOfFact.set(fact.id, join.claimId);
    this.contradictionsByClaim = null;
    return join;
  }

  /** Records a link between facts; `contradicts` links show on both claims once both facts are in. */
  addLink(link: FactLink): void {
    this.links.push(link);
    this.contradictionsByClaim = null;
  }

  claimIdOf(factId: string): string | undefined {
    return this.claimOfFact.get(factId);
  }

  claim(id: string): Claim | undefined {
    const state = this.claimsById.get(id);
    return state ? this.snapshot(state, this.contradictions()) : undefined;
  }

  /** Every claim, in the order they were founded. */
  claims(): Claim[] {
    const contradictions = this.contradictions();
    return [...this.claimsById.values()].map((state) => this.snapshot(state, contradictions));
  }

  private bestMatch(signature: Signature, day: string | null, keys: readonly string[]): ClaimJoin | null {
    const candidates: ClaimCandidate[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (let index = bucket.length - 1; index >= Math.max(0, bucket.length - this.options.candidatesPerKey); index -= 1) {
        const claimId = bucket[index];
        if (seen.has(claimId)) continue;
        seen.add(claimId);
        const claim = this.claimsById.get(claimId)!;
        candidates.push({ id: claimId, sequence: claim.sequence, signature: claim.signature, day: this.factDays.get(claim.id) ?? null });
      }
    }
    return bestClaimFor(signature, day, candidates, this.options);
  }

  private bucket(key: string): string[] {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = []));
    return bucket;
  }

  private contradictions(): Map<string, Set<string>> {
    if (this.contradictionsByClaim) return this.contradictionsByClaim;
    const byClaim = new Map<string, Set<string>>();
    for (const link of this.links) {
      if (link.kind !== 'contradicts') continue;
      const from = this.claimOfFact.get(link.fromFactId);
      const to = this.claimOfFact.get(link.toFactId);
      if (from === undefined || to === undefined || from === to) continue;
      for (const [claim, other] of [[from, to], [to, from]]) {
        if (!byClaim.has(claim)) byClaim.set(claim, new Set());
        byClaim.get(claim)!.add(other);
      }
    }
    this.contradictionsByClaim = byClaim;
    return byClaim;
  }

  private snapshot(state: ClaimState, contradictions: Map<string, Set<string>>): Claim {
    return assembleClaim(state.id, state.statement, state.members, [...(contradictions.get(state.id) ?? [])]);
  }
}

/** A claim a new fact may join: its founding statement's signature and occurred day, and when it was founded. */
export interface ClaimCandidate {
  readonly id: string;
  /** Founding order (a log position will do): ties in score go to the earlier claim. */
  readonly sequence: number | bigint;
  readonly signature: Signature;
  readonly day: string | null;
}

/**
 * The rule that decides whether a fact (its signature and occurred day) joins one of the
 * candidate claims, and which: the best score, ties to the earliest founded; never a claim
 * whose founding fact names a different occurred day. {@link ClaimIndex} and the claims read
 * model both decide with it, so a stored grouping matches an in-memory one.
 */
export function bestClaimFor(signature: Signature, day: string | null, candidates: readonly ClaimCandidate[], options: GroupingOptions = DEFAULT_GROUPING): ClaimJoin | null {
  let best: ClaimJoin | null = null;
  let bestSequence: number | bigint = Infinity;
  for (const claim of candidates) {
    if (day !== null && claim.day !== null && day !== claim.day) continue;
    const verdict = compareSignatures(signature, claim.signature, options);
    if (!verdict) continue;
    if (!best || verdict.score > best.score || (verdict.score === best.score && claim.sequence < bestSequence)) {
      best = { claimId: claim.id, founded: false, ...verdict };
      bestSequence = claim.sequence;
    }
  }
  return best;
}

function compareSignatures(a: Signature, b: Signature, options: GroupingOptions): { rule: GroupingRule; score: number } | null {
  const similarity = round(jaccard(a.words, b.words));
  const short = Math.min(a.words.size, b.words.size) < SHORT_STATEMENT;
  if (similarity >= (short ? SHORT_STATEMENT_SIMILARITY : options.sameWording)) return { rule: 'same-wording', score: similarity };
  if (!short && similarity >= options.closeWording && sharedCount(a.entities, b.entities) >= options.sharedActors) {
    return { rule: 'same-actors-close-wording', score: similarity };
  }
  return null;
}

/** A member as stored, with the order it was added in (log order), before roles are assigned. */
export type StoredMember = Omit<ClaimMember, 'role'> & { readonly sequence: number | bigint };

/**
 * A claim from its members (at least one; any subset, e.g. those an as-of view may see):
 * earliest report first, roles (`first`; `repeats` for the first outlet again; `corroborates`
 * for another outlet), outlets, report count and occurred day.
 */
export function assembleClaim(id: string, statement: string, stored: readonly StoredMember[], contradictedBy: readonly string[]): Claim {
  const ordered = [...stored].sort((a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt) || (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0));
  const first = ordered[0];
  const members: ClaimMember[] = ordered.map(({ sequence: _, ...member }, index) => ({
    ...member,
    role: index === 0 ? 'first' : member.outlet === first.outlet ? 'repeats' : 'corroborates',
  }));
  const { day, rule } = claimDay(members);
  return {
    id,
    statement,
    first: { factId: first.factId, reportId: first.reportId, outlet: first.outlet, reportedAt: first.reportedAt },
    members,
    outlets: [...new Set(members.map((member) => member.outlet))].sort(),
    reportCount: new Set(members.map((member) => member.reportId)).size,
    occurredDay: day,
    dayRule: rule,
    contradictedBy: [...contradictedBy].sort(),
  };
}

/** Groups a batch of facts (in the order given) and applies the links; see {@link ClaimIndex}. */
export function groupClaims(facts: readonly ClaimFact[], links: readonly FactLink[] = [], options?: GroupingOptions): Claim[] {
  const index = new ClaimIndex(options);
  for (const fact of facts) index.add(fact);
  for (const link of links) index.addLink(link);
  return index.claims();
}

/** The index keys a claim is found under (MinHash bands of its words, pairs of its actors). */
export function claimKeysOf(signature: Signature): string[] {
  const keys = minHashKeys(signature.words);
  const actors = [...signature.entities].sort().slice(0, MAX_ACTORS_INDEXED);
  for (let i = 0; i < actors.length; i += 1) for (let j = i + 1; j < actors.length; j += 1) keys.push(`a:${actors[i]}|${actors[j]}`);
  return keys;
}

/**
 * A claim's occurred day: the day most of its reports give (each report counted once), ignoring
 * days after a report's own publication day (what is scheduled has not yet happened); ties go
 * to the earliest day.
 */
function claimDay(members: readonly ClaimMember[]): { day: string | null; rule: DayRule } {
  const reportsByDay = new Map<string, Set<string>>();
  for (const member of members) {
    if (member.occurredDay === null || member.occurredDay > dayOf(member.reportedAt)) continue;
    if (!reportsByDay.has(member.occurredDay)) reportsByDay.set(member.occurredDay, new Set());
    reportsByDay.get(member.occurredDay)!.add(member.reportId);
  }
  let best: string | null = null;
  for (const [day, reports] of reportsByDay) {
    const bestCount = best === null ? -1 : reportsByDay.get(best)!.size;
    if (reports.size > bestCount || (reports.size === bestCount && day < best!)) best = day;
  }
  return best === null ? { day: null, rule: 'undated' } : { day: best, rule: 'occurred-day' };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

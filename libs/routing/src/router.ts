import { checkPolicy, DEFAULT_ROUTER_CONFIG, ROUTER_VERSION, RoutingError } from './config';
import { compareKeys, reportFeatures, type FeatureInput } from './features';
import { FeatureFrequencies, type FeatureStat } from './frequencies';
import { instant, StoryProfile } from './profile';
import type {
  InboxPolicy,
  MergeProposal,
  ProfileNorms,
  Proposal,
  ProposalReasons,
  ReportFeatures,
  RouterConfig,
  RouterSnapshot,
  RoutingDecision,
  StoryProfileSnapshot,
  RoutingOutcome,
  Weighted,
} from './types';

/**
 * Proposes the stories a report belongs to by TF-IDF cosine similarity of its entities and
 * content words against each story's compact profile, discounted by distance in time.
 *
 * State changes only through `observe` (document frequencies), `join`, `leave` and `merge`,
 * each a fold step a rebuild replays from the log: `ReportRouted` → `observe`, a report
 * joining a story → `join`, and so on. `propose` reads only. Deterministic: no randomness,
 * maps kept in key order, scores rounded, ties broken by story id.
 */
export class Router {
  private reportsSeen = 0;
  /** Document frequencies of entities and of content words, kept apart (no key prefixes to build per lookup). */
  private readonly entityFrequencies = new FeatureFrequencies();
  private readonly termFrequencies = new FeatureFrequencies();
  /** Each story's profile bound to its feature stats; rebuilt when the profile changes. */
  private readonly bound = new Map<string, BoundProfile>();
  private readonly stories = new Map<string, StoryProfile>();

  /** ln(reportsSeen + 1), kept with the count. */
  private logReports = 0;
  /** Reports seen when every story's lengths were last recomputed. */
  private normsRefreshedAt = 0;
  private readonly flatten: (idf: number) => number;
  /** Times the vocabulary was pruned since this router was made or restored. */
  private prunes = 0;

  constructor(readonly config: RouterConfig = DEFAULT_ROUTER_CONFIG) {
    this.flatten = flattening(config.idfExponent);
  }

  static restore(snapshot: RouterSnapshot, config: RouterConfig = DEFAULT_ROUTER_CONFIG): Router {
    if (snapshot.routerVersion !== ROUTER_VERSION) {
      throw new RoutingError(
        'ROUTER.VERSION_MISMATCH',
        'routerVersion',
        `snapshot was made by ${snapshot.routerVersion}, this router is ${ROUTER_VERSION}; rebuild from the log`,
      );
    }
    const router = new Router(config);
    router.reportsSeen = snapshot.reportsSeen;
    router.logReports = Math.log(snapshot.reportsSeen + 1);
    router.normsRefreshedAt = snapshot.normsRefreshedAt;
    for (const [key, count] of snapshot.documentFrequencies) {
      if (key.startsWith('e:')) router.entityFrequencies.set(key.slice(2), count);
      else if (key.startsWith('t:')) router.termFrequencies.set(key.slice(2), count);
    }
    for (const story of snapshot.stories) router.stories.set(story.storyId, StoryProfile.fromSnapshot(story));
    return router;
  }

  /** Features of a report under this router's limits (see `reportFeatures`). */
  features(input: FeatureInput): ReportFeatures {
    return reportFeatures(input, this.config);
  }

  /** Ranks the stories for a report and says what the inbox's policy makes of the best. */
  propose(report: ReportFeatures, policy: InboxPolicy): RoutingDecision {
    checkPolicy(policy);
    const query = this.queryOf(report);
    const ranked = [...this.stories.values()]
      .map((story) => this.score(story, query))
      .filter((proposal) => proposal.score > 0)
      .sort((a, b) => b.score - a.score || compareKeys(a.storyId ?? '', b.storyId ?? ''))
      .slice(0, this.config.maxProposals);
    const best = ranked[0];
    if (best === undefined || best.score < this.config.newStoryBelow) {
      const outcome: RoutingOutcome = policy.autoOpen ? { kind: 'open' } : { kind: 'wait' };
      return decision(report, [{ storyId: null, score: round(1 - (best?.score ?? 0)), reasons: null }, ...ranked], outcome);
    }
    const outcome: RoutingOutcome = best.score >= policy.autoJoinAt ? { kind: 'join', storyId: best.storyId! } : { kind: 'wait' };
    return decision(report, ranked, outcome);
  }

  /** Counts a routed report in the document frequencies (whether or not it joins a story). */
  observe(report: ReportFeatures): void {
    this.reportsSeen += 1;
    this.logReports = Math.log(this.reportsSeen + 1);
    for (const [key] of report.entities) this.entityFrequencies.bump(key);
    for (const [key] of report.terms) this.termFrequencies.bump(key);
    if (this.entityFrequencies.size + this.termFrequencies.size > this.config.maxVocabulary) this.pruneVocabulary();
    if (this.reportsSeen - this.normsRefreshedAt >= Math.max(8, this.normsRefreshedAt / 20)) {
      for (const story of this.stories.values()) this.refreshNorms(story);
      this.normsRefreshedAt = this.reportsSeen;
    }
  }

  /** Adds a report to a story's profile, opening the profile when the story is new. */
  join(storyId: string, report: ReportFeatures): void {
    const story = this.stories.get(storyId) ?? new StoryProfile(storyId);
    this.stories.set(storyId, story);
    story.add(report, this.config);
    this.bound.delete(storyId);
    this.refreshNorms(story);
  }

  /** Takes a report out of a story's profile (approximately; see `StoryProfile.remove`). */
  leave(storyId: string, report: ReportFeatures): void {
    const story = this.story(storyId);
    story.remove(report);
    this.bound.delete(storyId);
    this.refreshNorms(story);
  }

  /** Folds story `fromId` into `intoId` (opened when it has no profile yet); `fromId` is no longer proposed. */
  merge(fromId: string, intoId: string): void {
    const from = this.story(fromId);
    const into = this.stories.get(intoId) ?? new StoryProfile(intoId);
    this.stories.set(intoId, into);
    into.absorb(from, this.config);
    this.stories.delete(fromId);
    this.bound.delete(fromId);
    this.bound.delete(intoId);
    this.refreshNorms(this.story(intoId));
  }

  /**
   * Proposes, observes and applies the outcome in one step: joins at once, or opens a story
   * with the id `newStoryId` gives. A waiting report is observed but joins nothing until an
   * analyst accepts (then call `join`).
   */
  route(report: ReportFeatures, policy: InboxPolicy, newStoryId: () => string): RouteResult {
    const routed = this.propose(report, policy);
    this.observe(report);
    const storyId = routed.outcome.kind === 'join' ? routed.outcome.storyId : routed.outcome.kind === 'open' ? newStoryId() : null;
    const merged: MergeProposal[] = [];
    if (storyId !== null) {
      this.join(storyId, report);
      // Only the best: once merged, the profile differs from the one the others were scored against.
      const [best] = this.mergesDue(storyId);
      if (best !== undefined && best.score >= policy.autoMergeAt) {
        this.merge(best.fromId, best.intoId);
        merged.push(best);
      }
    }
    return { ...routed, storyId, merged };
  }

  /**
   * Stories that look like one with `storyId`, best first, when `storyId` has just reached a
   * check point (`mergeCheckFrom` reports, then twice as many, ...); empty otherwise, so the
   * cost stays off most joins.
   */
  mergesDue(storyId: string): MergeProposal[] {
    const size = this.story(storyId).reports;
    if (size < this.config.mergeCheckFrom || !isPowerOfTwoMultiple(size, this.config.mergeCheckFrom)) return [];
    return this.proposeMerges(storyId);
  }

  /** Every other story scored against `storyId`, best first (ties by id), at most `maxProposals`. */
  proposeMerges(storyId: string): MergeProposal[] {
    const story = this.story(storyId);
    const query = this.profileQuery(story);
    return [...this.stories.values()]
      .filter((other) => other.storyId !== storyId)
      .map((other) => {
        const { score, reasons } = this.score(other, query);
        const [into, from] = other.reports > story.reports || (other.reports === story.reports && compareKeys(other.storyId, storyId) < 0) ? [other, story] : [story, other];
        return { fromId: from.storyId, intoId: into.storyId, score, reasons: { ...reasons!, daysApart: spanGap(story, other) } };
      })
      .filter((merge) => merge.score > 0)
      .sort((a, b) => b.score - a.score || compareKeys(a.fromId, b.fromId) || compareKeys(a.intoId, b.intoId))
      .slice(0, this.config.maxProposals);
  }

  hasStory(storyId: string): boolean {
    return this.stories.has(storyId);
  }

  /**
   * What keeping the state in tables, a piece at a time, needs: the counters, how often the
   * vocabulary was pruned (every stored frequency may then have to go), one feature's
   * document frequency, one story's profile.
   */
  counters(): { readonly reportsSeen: number; readonly normsRefreshedAt: number; readonly prunes: number } {
    return { reportsSeen: this.reportsSeen, normsRefreshedAt: this.normsRefreshedAt, prunes: this.prunes };
  }

  documentFrequency(kind: 'entity' | 'term', key: string): number {
    return (kind === 'entity' ? this.entityFrequencies : this.termFrequencies).count(key);
  }

  /** A story's profile lengths as last recomputed, without copying its profile. */
  storyNorms(storyId: string): ProfileNorms | null {
    return this.stories.get(storyId)?.norms ?? null;
  }

  storySnapshot(storyId: string): StoryProfileSnapshot | null {
    return this.stories.get(storyId)?.snapshot() ?? null;
  }

  /** Every feature seen at least once, keyed as in a snapshot (`e:` or `t:`). */
  documentFrequencies(): Array<[string, number]> {
    return this.frequencies();
  }

  storyIds(): string[] {
    return [...this.stories.keys()].sort(compareKeys);
  }

  snapshot(): RouterSnapshot {
    return {
      routerVersion: ROUTER_VERSION,
      reportsSeen: this.reportsSeen,
      normsRefreshedAt: this.normsRefreshedAt,
      documentFrequencies: this.frequencies().sort((a, b) => compareKeys(a[0], b[0])),
      stories: this.storyIds().map((id) => this.stories.get(id)!.snapshot()),
    };
  }

  private story(storyId: string): StoryProfile {
    const story = this.stories.get(storyId);
    if (!story) throw new RoutingError('STORY.UNKNOWN', 'storyId', `no story ${storyId} is known to the router`);
    return story;
  }

  /** A story profile as a query (IDF applied), to score against other stories. */
  private profileQuery(story: StoryProfile): Query {
    const bound = this.bind(story);
    const entities = this.queryPart(bound.entities.map((entry): [FeatureStat, string, number] => [entry.stat, entry.key, entry.weight]));
    const terms = this.queryPart(bound.terms.map((entry): [FeatureStat, string, number] => [entry.stat, entry.key, entry.weight]));
    return { entities, terms, at: story.lastPublished, from: story.firstPublished };
  }

  private queryOf(report: ReportFeatures): Query {
    const sublinear = (counts: readonly Weighted[], frequencies: FeatureFrequencies) =>
      counts.map(([key, count]): [FeatureStat, string, number] => [frequencies.stat(key), key, 1 + Math.log(count)]);
    const at = instant(report.publishedAt);
    return {
      entities: this.queryPart(sublinear(report.entities, this.entityFrequencies)),
      terms: this.queryPart(sublinear(report.terms, this.termFrequencies)),
      at,
      from: at,
    };
  }

  private queryPart(weights: ReadonlyArray<[FeatureStat, string, number]>): QueryPart {
    const entries = weights.map(([stat, key, weight]) => {
      const idf = this.idf(stat);
      return { key, idf, weight: weight * idf };
    });
    return { entries, norm: norm(entries.map((entry) => entry.weight)) };
  }

  /** ln((N + 1) / (df + 0.5)) to the configured power; positive, since df <= N. */
  private idf(stat: FeatureStat): number {
    return this.flatten(this.logReports - stat.logCount);
  }

  private bind(story: StoryProfile): BoundProfile {
    let bound = this.bound.get(story.storyId);
    if (!bound) {
      const entries = (weights: ReadonlyMap<string, number>, frequencies: FeatureFrequencies) =>
        [...weights].map(([key, weight]) => ({ key, weight, stat: frequencies.stat(key) }));
      bound = { entities: entries(story.entities, this.entityFrequencies), terms: entries(story.terms, this.termFrequencies), norms: story.norms };
      this.bound.set(story.storyId, bound);
    }
    return bound;
  }

  /**
   * Recomputes a story's IDF-weighted lengths. Called when its profile changes, and for every
   * story when the reports seen grew by 5% (at least 8) since the last refresh: a length moves
   * slowly as frequencies change, and recomputing it per report would cost the whole profile
   * per story per report. Only `observe`, `join`, `leave` and `merge` refresh, never
   * `propose`, so a rebuild that replays them reaches the same state as the live router.
   */
  private refreshNorms(story: StoryProfile): void {
    const bound = this.bind(story);
    bound.norms = { reportsSeen: this.reportsSeen, entities: this.profileNorm(bound.entities), terms: this.profileNorm(bound.terms) };
    story.norms = bound.norms;
  }

  /** Only a snapshot edited by hand lacks a story's lengths: refuse it rather than guess. */
  private missingNorms(story: StoryProfile): never {
    throw new RoutingError('SNAPSHOT.INVALID', 'stories', `story ${story.storyId} has no norms; rebuild from the log`);
  }

  private profileNorm(entries: readonly BoundEntry[]): number {
    let squares = 0;
    for (const entry of entries) {
      const weighted = entry.weight * this.idf(entry.stat);
      squares += weighted * weighted;
    }
    return Math.sqrt(squares);
  }

  private score(story: StoryProfile, query: Query): Proposal {
    const bound = this.bind(story);
    const norms = bound.norms ?? this.missingNorms(story);
    const entities = this.cosine(norms.entities, story.entities, query.entities);
    const terms = this.cosine(norms.terms, story.terms, query.terms);
    const daysApart = query.from === query.at ? story.daysFrom(query.at) : minDays(story.daysFrom(query.from), story.daysFrom(query.at));
    const closeness = daysApart === null ? 1 : Math.pow(0.5, daysApart / this.config.timeHalfLifeDays);
    const content = this.config.entityShare * entities.similarity + (1 - this.config.entityShare) * terms.similarity;
    const score = content * (1 - this.config.timeShare + this.config.timeShare * closeness);
    const reasons: ProposalReasons = {
      sharedEntities: entities.shared,
      sharedTerms: terms.shared,
      entitySimilarity: round(entities.similarity),
      termSimilarity: round(terms.similarity),
      daysApart: daysApart === null ? null : round(daysApart),
    };
    return { storyId: story.storyId, score: round(score), reasons };
  }

  /** Cosine of the IDF-weighted profile against the query; the profile's norm is taken at today's IDF. */
  private cosine(profileNorm: number, weights: ReadonlyMap<string, number>, query: QueryPart): Overlap {
    let dot = 0;
    const contributions: Weighted[] = [];
    for (const asked of query.entries) {
      const weight = weights.get(asked.key);
      if (weight === undefined) continue;
      const product = weight * asked.idf * asked.weight;
      dot += product;
      contributions.push([asked.key, product]);
    }
    const denominator = profileNorm * query.norm;
    const shared = contributions
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .slice(0, 5)
      .map(([key]) => key);
    return { similarity: denominator === 0 ? 0 : Math.min(1, dot / denominator), shared };
  }

  private frequencies(): Array<[string, number]> {
    return [
      ...this.entityFrequencies.counted().map(([key, count]): [string, number] => [`e:${key}`, count]),
      ...this.termFrequencies.counted().map(([key, count]): [string, number] => [`t:${key}`, count]),
    ];
  }

  private pruneVocabulary(): void {
    this.prunes += 1;
    const keep = Math.floor(this.config.maxVocabulary * 0.9);
    const rarest = this.frequencies().sort((a, b) => a[1] - b[1] || compareKeys(a[0], b[0]));
    const dropped = rarest.slice(0, rarest.length - keep);
    this.entityFrequencies.forget(dropped.filter(([key]) => key.startsWith('e:')).map(([key]) => key.slice(2)));
    this.termFrequencies.forget(dropped.filter(([key]) => key.startsWith('t:')).map(([key]) => key.slice(2)));
    // Bound profiles hold the dropped stats; rebind them to fresh ones.
    this.bound.clear();
  }
}

interface QueryPart {
  readonly entries: ReadonlyArray<{ readonly key: string; readonly idf: number; readonly weight: number }>;
  readonly norm: number;
}

interface BoundEntry {
  readonly key: string;
  readonly weight: number;
  readonly stat: FeatureStat;
}

interface BoundProfile {
  readonly entities: readonly BoundEntry[];
  readonly terms: readonly BoundEntry[];
  norms: ProfileNorms | null;
}

interface Query {
  readonly entities: QueryPart;
  readonly terms: QueryPart;
  /** The query's span in time: one instant for a report, first and last report for a story. */
  readonly from: number | null;
  readonly at: number | null;
}

export type RouteResult = RoutingDecision & {
  /** The story the report joined or opened; null while it waits for an analyst. */
  readonly storyId: string | null;
  /** Merges the inbox's policy applied at once after the join. */
  readonly merged: readonly MergeProposal[];
};

function isPowerOfTwoMultiple(size: number, from: number): boolean {
  const ratio = size / from;
  return Number.isInteger(ratio) && (ratio & (ratio - 1)) === 0;
}

function minDays(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function spanGap(a: StoryProfile, b: StoryProfile): number | null {
  if (a.firstPublished === null || a.lastPublished === null || b.firstPublished === null || b.lastPublished === null) return null;
  const gap = Math.max(0, a.firstPublished - b.lastPublished, b.firstPublished - a.lastPublished);
  return round(gap / 86_400_000);
}

interface Overlap {
  readonly similarity: number;
  readonly shared: string[];
}

function decision(report: ReportFeatures, proposals: readonly Proposal[], outcome: RoutingOutcome): RoutingDecision {
  return { reportId: report.reportId, routerVersion: ROUTER_VERSION, proposals, outcome };
}

/** IDF to a power, with the common powers spelled out (this runs once per profile feature per report). */
function flattening(exponent: number): (idf: number) => number {
  if (exponent === 1) return (idf) => idf;
  if (exponent === 0.5) return Math.sqrt;
  if (exponent === 0.25) return (idf) => Math.sqrt(Math.sqrt(idf));
  if (exponent === 0) return () => 1;
  return (idf) => Math.pow(idf, exponent);
}

function norm(weights: Iterable<number>): number {
  let squares = 0;
  for (const weight of weights) squares += weight * weight;
  return Math.sqrt(squares);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

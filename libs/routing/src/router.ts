import { compareKeys, reportFeatures, type FeatureInput } from './features';
import { instant, StoryProfile } from './profile';
import type {
  InboxPolicy,
  Proposal,
  ProposalReasons,
  ReportFeatures,
  RouterConfig,
  RouterSnapshot,
  RoutingDecision,
  RoutingOutcome,
  Weighted,
} from './types';

/**
 * The router's identity, recorded with every decision. Changes whenever features, scoring or
 * `DEFAULT_ROUTER_CONFIG` change, since the same report may then be routed differently.
 */
export const ROUTER_VERSION = 'tfidf-centroid/1.0.0';

export const DEFAULT_ROUTER_CONFIG: RouterConfig = Object.freeze({
  newStoryBelow: 0.12,
  entityShare: 0.6,
  timeShare: 0.2,
  timeHalfLifeDays: 14,
  decay: 0.99,
  profileEntities: 200,
  profileTerms: 300,
  reportEntities: 40,
  reportTerms: 80,
  maxProposals: 3,
  maxVocabulary: 200_000,
});

/** An inbox's policy when it sets none: join at once only on a clear match. */
export const DEFAULT_INBOX_POLICY: InboxPolicy = Object.freeze({ autoJoinAt: 0.3, autoOpen: true });

/** A snapshot from another router version, or a story id the router does not know. */
export class RoutingError extends Error {
  constructor(
    readonly code: 'ROUTER.VERSION_MISMATCH' | 'STORY.UNKNOWN' | 'POLICY.INVALID',
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'RoutingError';
  }
}

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
  private readonly entityFrequencies = new Map<string, number>();
  private readonly termFrequencies = new Map<string, number>();
  private readonly stories = new Map<string, StoryProfile>();

  constructor(readonly config: RouterConfig = DEFAULT_ROUTER_CONFIG) {}

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
    for (const [key] of report.entities) bump(this.entityFrequencies, key);
    for (const [key] of report.terms) bump(this.termFrequencies, key);
    if (this.entityFrequencies.size + this.termFrequencies.size > this.config.maxVocabulary) this.pruneVocabulary();
  }

  /** Adds a report to a story's profile, opening the profile when the story is new. */
  join(storyId: string, report: ReportFeatures): void {
    const story = this.stories.get(storyId) ?? new StoryProfile(storyId);
    this.stories.set(storyId, story);
    story.add(report, this.config);
  }

  /** Takes a report out of a story's profile (approximately; see `StoryProfile.remove`). */
  leave(storyId: string, report: ReportFeatures): void {
    this.story(storyId).remove(report);
  }

  /** Folds story `fromId` into `intoId`; `fromId` is no longer proposed. */
  merge(fromId: string, intoId: string): void {
    const from = this.story(fromId);
    this.story(intoId).absorb(from, this.config);
    this.stories.delete(fromId);
  }

  /**
   * Proposes, observes and applies the outcome in one step: joins at once, or opens a story
   * with the id `newStoryId` gives. A waiting report is observed but joins nothing until an
   * analyst accepts (then call `join`).
   */
  route(report: ReportFeatures, policy: InboxPolicy, newStoryId: () => string): RoutingDecision & { readonly storyId: string | null } {
    const routed = this.propose(report, policy);
    this.observe(report);
    const storyId = routed.outcome.kind === 'join' ? routed.outcome.storyId : routed.outcome.kind === 'open' ? newStoryId() : null;
    if (storyId !== null) this.join(storyId, report);
    return { ...routed, storyId };
  }

  storyIds(): string[] {
    return [...this.stories.keys()].sort(compareKeys);
  }

  snapshot(): RouterSnapshot {
    return {
      routerVersion: ROUTER_VERSION,
      reportsSeen: this.reportsSeen,
      documentFrequencies: this.frequencies().sort((a, b) => compareKeys(a[0], b[0])),
      stories: this.storyIds().map((id) => this.stories.get(id)!.snapshot()),
    };
  }

  private story(storyId: string): StoryProfile {
    const story = this.stories.get(storyId);
    if (!story) throw new RoutingError('STORY.UNKNOWN', 'storyId', `no story ${storyId} is known to the router`);
    return story;
  }

  private queryOf(report: ReportFeatures): Query {
    const entities = this.weigh(report.entities, this.entityFrequencies);
    const terms = this.weigh(report.terms, this.termFrequencies);
    return { entities, terms, entityNorm: norm(entities.values()), termNorm: norm(terms.values()), at: instant(report.publishedAt) };
  }

  private weigh(counts: readonly Weighted[], frequencies: ReadonlyMap<string, number>): Map<string, number> {
    return new Map(counts.map(([key, count]) => [key, (1 + Math.log(count)) * this.idf(frequencies, key)]));
  }

  private idf(frequencies: ReadonlyMap<string, number>, key: string): number {
    return Math.pow(Math.log((this.reportsSeen + 1) / ((frequencies.get(key) ?? 0) + 0.5)), (this.config as any).idfExponent ?? 1);
  }

  private score(story: StoryProfile, query: Query): Proposal {
    const entities = this.cosine(story.entities, query.entities, query.entityNorm, this.entityFrequencies);
    const terms = this.cosine(story.terms, query.terms, query.termNorm, this.termFrequencies);
    const daysApart = story.daysFrom(query.at);
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

  private cosine(
    profile: ReadonlyMap<string, number>,
    query: ReadonlyMap<string, number>,
    queryNorm: number,
    frequencies: ReadonlyMap<string, number>,
  ): Overlap {
    let dot = 0;
    let squares = 0;
    const contributions: Weighted[] = [];
    for (const [key, weight] of profile) {
      const weighted = weight * this.idf(frequencies, key);
      squares += weighted * weighted;
      const asked = query.get(key);
      if (asked === undefined) continue;
      dot += weighted * asked;
      contributions.push([key, weighted * asked]);
    }
    const denominator = Math.sqrt(squares) * queryNorm;
    const shared = contributions
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .slice(0, 5)
      .map(([key]) => key);
    return { similarity: denominator === 0 ? 0 : Math.min(1, dot / denominator), shared };
  }

  private frequencies(): Array<[string, number]> {
    return [
      ...[...this.entityFrequencies.entries()].map(([key, count]): [string, number] => [`e:${key}`, count]),
      ...[...this.termFrequencies.entries()].map(([key, count]): [string, number] => [`t:${key}`, count]),
    ];
  }

  private pruneVocabulary(): void {
    const keep = Math.floor(this.config.maxVocabulary * 0.9);
    const rarest = this.frequencies().sort((a, b) => a[1] - b[1] || compareKeys(a[0], b[0]));
    for (const [key] of rarest.slice(0, rarest.length - keep)) {
      (key.startsWith('e:') ? this.entityFrequencies : this.termFrequencies).delete(key.slice(2));
    }
  }
}

interface Query {
  readonly entities: ReadonlyMap<string, number>;
  readonly terms: ReadonlyMap<string, number>;
  readonly entityNorm: number;
  readonly termNorm: number;
  readonly at: number | null;
}

interface Overlap {
  readonly similarity: number;
  readonly shared: string[];
}

function decision(report: ReportFeatures, proposals: readonly Proposal[], outcome: RoutingOutcome): RoutingDecision {
  return { reportId: report.reportId, routerVersion: ROUTER_VERSION, proposals, outcome };
}

function checkPolicy(policy: InboxPolicy): void {
  if (typeof policy.autoJoinAt !== 'number' || !Number.isFinite(policy.autoJoinAt) || policy.autoJoinAt < 0) {
    throw new RoutingError('POLICY.INVALID', 'autoJoinAt', 'must be a finite number at least 0 (above 1 never joins at once)');
  }
  if (typeof policy.autoOpen !== 'boolean') throw new RoutingError('POLICY.INVALID', 'autoOpen', 'must be true or false');
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function norm(weights: Iterable<number>): number {
  let squares = 0;
  for (const weight of weights) squares += weight * weight;
  return Math.sqrt(squares);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

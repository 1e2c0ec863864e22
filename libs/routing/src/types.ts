/** A weighted feature: `[key, weight]`. Arrays of them are kept sorted by key. */
export type Weighted = readonly [string, number];

/**
 * What the router knows of one report: its entities and content words with their counts, and
 * when it was published. Computed by `reportFeatures`; deterministic for one `ROUTER_VERSION`,
 * so a rebuild can recompute it from the stored report rather than storing it in events.
 */
export interface ReportFeatures {
  readonly reportId: string;
  /** ISO-8601 instant, or null when unknown (time then neither helps nor hurts). */
  readonly publishedAt: string | null;
  /** Normalised entity names with mention counts, sorted by name. */
  readonly entities: readonly Weighted[];
  /** Content words with counts, sorted by word. */
  readonly terms: readonly Weighted[];
}

/** Why a story was proposed. */
export interface ProposalReasons {
  /** Entities the report shares with the story, strongest first (at most five). */
  readonly sharedEntities: readonly string[];
  /** Content words the report shares with the story, strongest first (at most five). */
  readonly sharedTerms: readonly string[];
  /** Cosine similarity (0..1) of TF-IDF entity vectors: report against story profile. */
  readonly entitySimilarity: number;
  /** Cosine similarity (0..1) of TF-IDF content-word vectors. */
  readonly termSimilarity: number;
  /** Days between the report and the story's nearest report; null when either date is unknown. */
  readonly daysApart: number | null;
}

/** One candidate story for a report; `storyId` null proposes a new story. */
export interface Proposal {
  readonly storyId: string | null;
  /** 0..1, rounded to 4 decimals so that equal scores compare equal after a rebuild. */
  readonly score: number;
  readonly reasons: ProposalReasons | null;
}

/**
 * Two stories that look like one (say, two desks opened the same story): fold `fromId` into
 * `intoId`, the larger (ties: the smaller id). Shaped to be recorded as a `StoryMerged` proposal.
 */
export interface MergeProposal {
  readonly fromId: string;
  readonly intoId: string;
  /** 0..1, the same scale as a report's proposals but between two story profiles. */
  readonly score: number;
  readonly reasons: ProposalReasons;
}

/** What should happen to the report under the inbox's policy. */
export type RoutingOutcome =
  | { readonly kind: 'join'; readonly storyId: string }
  | { readonly kind: 'open' }
  | { readonly kind: 'wait' };

/**
 * A routing decision, shaped to be recorded as an event (`ReportRouted`) as is: a rebuild
 * reads decisions back rather than recomputing them, so an upgraded router does not rewrite
 * history.
 */
export interface RoutingDecision {
  readonly reportId: string;
  readonly routerVersion: string;
  /** Best first; ties broken by story id. */
  readonly proposals: readonly Proposal[];
  readonly outcome: RoutingOutcome;
}

/** Per-inbox choice of how much the router may do without an analyst. */
export interface InboxPolicy {
  /** A best score at or above this joins the report to that story at once (0..1; above 1 never). */
  readonly autoJoinAt: number;
  /** Whether a report matching no story opens a new story at once, or waits for an analyst. */
  readonly autoOpen: boolean;
  /** Two stories whose profiles score at or above this merge at once (above 1 never). */
  readonly autoMergeAt: number;
}

/** Tuning of the router; part of its identity (changing a value means a new ROUTER_VERSION). */
export interface RouterConfig {
  /** Below this best score nothing matches and a new story is proposed. */
  readonly newStoryBelow: number;
  /** Share of the score from entities; the rest comes from content words. */
  readonly entityShare: number;
  /** Share of the score that time proximity can take away (0 ignores time). */
  readonly timeShare: number;
  /** Days after which the time part of the score halves. */
  readonly timeHalfLifeDays: number;
  /** Each join multiplies a story's older weights by this, so the profile follows the story. */
  readonly decay: number;
  /** Entities and content words a story profile keeps (the heaviest). */
  readonly profileEntities: number;
  readonly profileTerms: number;
  /** Entities and content words a report contributes (its most frequent). */
  readonly reportEntities: number;
  readonly reportTerms: number;
  /** Whether two stories are worth merging is checked when one reaches this many reports, then twice as many, and so on. */
  readonly mergeCheckFrom: number;
  /** Flattens inverse document frequency (IDF to this power): 1 is plain TF-IDF, 0 ignores IDF. */
  readonly idfExponent: number;
  /** Stories proposed per report at most. */
  readonly maxProposals: number;
  /** Distinct features whose document frequencies are kept; the rarest are pruned beyond it. */
  readonly maxVocabulary: number;
}

/** A profile's IDF-weighted lengths as last computed, at `reportsSeen` reports routed. */
export interface ProfileNorms {
  readonly reportsSeen: number;
  readonly entities: number;
  readonly terms: number;
}

/** A story's compact profile: bounded, whatever the story's length. */
export interface StoryProfileSnapshot {
  readonly storyId: string;
  readonly reports: number;
  readonly firstPublishedAt: string | null;
  readonly lastPublishedAt: string | null;
  readonly entities: readonly Weighted[];
  readonly terms: readonly Weighted[];
  /** The lengths the router scores with, as last recomputed (null only before any join). */
  readonly norms: ProfileNorms | null;
}

/** The router's whole state as plain JSON data (sorted, so equal states serialise equally). */
export interface RouterSnapshot {
  readonly routerVersion: string;
  readonly reportsSeen: number;
  /** Reports seen when every profile's lengths were last recomputed. */
  readonly normsRefreshedAt: number;
  /** Document frequencies; keys are `e:<entity>` or `t:<word>`. */
  readonly documentFrequencies: readonly Weighted[];
  readonly stories: readonly StoryProfileSnapshot[];
}

/**
 * The events of a story's life, as plain discriminated unions (the write side's vocabulary
 * and the read side's input). Times are ISO-8601 UTC strings. Each type carries its own
 * schema version; an old version is upcast on read, never rewritten.
 */

export type Modality = 'asserted' | 'reportedly' | 'allegedly' | 'quoted_opinion' | 'speculation' | 'denial';
export const MODALITIES: readonly Modality[] = ['asserted', 'reportedly', 'allegedly', 'quoted_opinion', 'speculation', 'denial'];

/** How exactly an occurred interval is known: a fuzzy interval is not a fake exact date. */
export type Precision = 'instant' | 'day' | 'month' | 'year' | 'fuzzy' | 'unknown';
export const PRECISIONS: readonly Precision[] = ['instant', 'day', 'month', 'year', 'fuzzy', 'unknown'];

export interface OccurredInterval {
  readonly from: string | null;
  readonly to: string | null;
  readonly precision: Precision;
}

/** The span of report text that carries a fact: [start, end) in UTF-16 code units. */
export interface Evidence {
  readonly start: number;
  readonly end: number;
}

export interface StoryOpened {
  readonly type: 'StoryOpened';
  readonly data: { readonly storyId: string; readonly slug: string; readonly title: string };
}

export interface ReportIngested {
  readonly type: 'ReportIngested';
  readonly data: {
    readonly storyId: string;
    readonly reportId: string;
    /** The outlet as the report gave it; null when the report names none. */
    readonly outlet: string | null;
    readonly publishedAt: string | null;
    readonly headline: string | null;
    readonly byline: string | null;
    readonly dateline: string | null;
    readonly url: string | null;
    readonly text: string;
    readonly textSha256: string;
    /** ISO 639-1 code of the report's language, when known (added in schema version 2). */
    readonly language: string | null;
  };
}

/** A span of the report text with the text it covers. */
export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A named entity mentioned in a fact's evidence; `name` is shared by all its spellings. */
export interface EntityMention extends TextSpan {
  readonly name: string;
  readonly type: 'person' | 'organisation' | 'place' | 'other';
}

/** Where in the text the report says who said it (source) and how (cue: "according to"). */
export interface AttributionSpans {
  readonly source: TextSpan | null;
  readonly cue: TextSpan | null;
}

export interface FactReported {
  readonly type: 'FactReported';
  readonly data: {
    readonly storyId: string;
    readonly factId: string;
    readonly reportId: string;
    readonly statement: string;
    readonly evidence: Evidence;
    /** Whom the report says said it; null when the outlet asserts it in its own voice. */
    readonly attributedTo: string | null;
    readonly modality: Modality;
    readonly occurred: OccurredInterval | null;
    /** Entities named in the evidence (schema version 2; empty when not extracted). */
    readonly entities: readonly EntityMention[];
    /** The spans attribution was read from (schema version 2; null when given by hand). */
    readonly attribution: AttributionSpans | null;
  };
}

/** The parts of a fact that an amendment or a correction may change. */
export interface FactChanges {
  readonly statement?: string;
  readonly attributedTo?: string | null;
  readonly modality?: Modality;
  readonly occurred?: OccurredInterval | null;
  readonly evidence?: Evidence;
}

/**
 * An analyst fixes how Storyline recorded a fact (a transcription mistake). The report
 * always said the amended thing, so on the reported clock it counts from the fact's own
 * report; on the recorded clock, from when it was recorded.
 */
export interface FactAmended {
  readonly type: 'FactAmended';
  readonly data: { readonly storyId: string; readonly factId: string; readonly changes: FactChanges; readonly reason: string };
}

/** The outlet corrected what it reported, at `correctedAt` on the reported clock. */
export interface FactCorrected {
  readonly type: 'FactCorrected';
  readonly data: {
    readonly storyId: string;
    readonly factId: string;
    readonly changes: FactChanges;
    readonly reason: string;
    readonly correctedAt: string;
    /** The report carrying the correction, when it is in the story. */
    readonly reportId: string | null;
  };
}

/** The outlet withdrew the fact, at `retractedAt` on the reported clock. */
export interface FactRetracted {
  readonly type: 'FactRetracted';
  readonly data: {
    readonly storyId: string;
    readonly factId: string;
    readonly reason: string;
    readonly retractedAt: string;
    readonly reportId: string | null;
  };
}

export type LinkKind = 'corroborates' | 'contradicts' | 'repeats' | 'updates' | 'corrects' | 'retracts';
export const LINK_KINDS: readonly LinkKind[] = ['corroborates', 'contradicts', 'repeats', 'updates', 'corrects', 'retracts'];

/** A typed relation between two facts, asserted by an analyst (or accepted from a proposal). */
export interface FactsLinked {
  readonly type: 'FactsLinked';
  readonly data: {
    readonly storyId: string;
    readonly linkId: string;
    readonly fromFactId: string;
    readonly toFactId: string;
    readonly kind: LinkKind;
    readonly reason: string | null;
  };
}

export type Verdict = 'confirmed' | 'disputed' | 'unverified';
export const VERDICTS: readonly Verdict[] = ['confirmed', 'disputed', 'unverified'];

/** An analyst's verdict on a fact; a later verdict supersedes an earlier one. */
export interface VerdictRecorded {
  readonly type: 'VerdictRecorded';
  readonly data: { readonly storyId: string; readonly factId: string; readonly verdict: Verdict; readonly reason: string };
}

export type ProposedLinkKind = 'repeats' | 'corroborates' | 'contradicts';

/**
 * When a report joins a story, a link its facts may have with earlier facts, found by the
 * extractor and scored, for an analyst to accept or reject. Not a link until accepted.
 */
export interface LinkProposed {
  readonly type: 'LinkProposed';
  readonly data: {
    readonly storyId: string;
    readonly linkId: string;
    readonly fromFactId: string;
    readonly toFactId: string;
    readonly kind: ProposedLinkKind;
    readonly score: number;
    readonly reason: string;
    /** The extractor that proposed it, as "name version". */
    readonly proposedBy: string;
  };
}

/** An analyst's answer to a proposal; an accepted one is also recorded as FactsLinked. */
export interface LinkProposalResolved {
  readonly type: 'LinkProposalResolved';
  readonly data: {
    readonly storyId: string;
    readonly linkId: string;
    readonly decision: 'accepted' | 'rejected';
    readonly reason: string | null;
  };
}

/*
 * Membership: which story a report belongs to changes only through the four events below,
 * each with the analyst's reason (the actor is in the metadata, as for every event). A
 * report's own events (ReportIngested, its facts, links, verdicts) stay in the stream they
 * were stored in: membership is read from these events, never by copying or rewriting.
 */

/**
 * An analyst moves a report from one story to another. Stored in the stream of the story
 * the report leaves (`storyId`), whichever stream the report was ingested in.
 */
export interface ReportMoved {
  readonly type: 'ReportMoved';
  readonly data: { readonly storyId: string; readonly reportId: string; readonly toStoryId: string; readonly reason: string };
}

/**
 * Reports leave a story for a new one, which this event opens: it is the new story's first
 * event (`storyId` is the new story, named by its slug like an opened story), so the slug is
 * claimed as atomically as by StoryOpened. The reports' facts, links and verdicts follow them.
 */
export interface ReportsSplit {
  readonly type: 'ReportsSplit';
  readonly data: {
    readonly storyId: string;
    readonly slug: string;
    readonly title: string;
    readonly fromStoryId: string;
    readonly reportIds: readonly string[];
    readonly reason: string;
  };
}

/**
 * A story joins another: every report it holds at that instant moves to `intoStoryId`, and
 * its id and slugs answer for the story it went into from then on. Stored in the stream of
 * the story that was merged (its last membership event: a merged story takes no writes).
 */
export interface StoryMerged {
  readonly type: 'StoryMerged';
  readonly data: { readonly storyId: string; readonly intoStoryId: string; readonly reason: string };
}

/** A story's slug and/or title change; the old slug keeps answering for the story. */
export interface StoryRenamed {
  readonly type: 'StoryRenamed';
  readonly data: {
    readonly storyId: string;
    readonly slug: string;
    readonly title: string;
    readonly previousSlug: string;
    readonly previousTitle: string;
    readonly reason: string;
  };
}

/**
 * Two names a story credits may be one source ("Mitchell" and its only full name "Dr. Laura
 * Mitchell"), found by a rule off the write path, for an analyst to accept or reject. Not an
 * alias until accepted. `alias` is the less complete name, `canonical` the one to read it as.
 */
export interface SourceAliasProposed {
  readonly type: 'SourceAliasProposed';
  readonly data: {
    readonly storyId: string;
    readonly proposalId: string;
    readonly alias: string;
    readonly canonical: string;
    /** The rule that found it ("surname-of-unique-full-name", "same-anonymous-group"). */
    readonly rule: string;
    /** The rule set, as "name version". */
    readonly rules: string;
    readonly score: number;
    /** Facts crediting each name: the one that brought the proposal, and one crediting the other name. */
    readonly evidenceFactIds: readonly string[];
  };
}

/** An analyst's answer to an alias proposal; an accepted one is also recorded as SourceAliasAdded on the source. */
export interface SourceAliasProposalResolved {
  readonly type: 'SourceAliasProposalResolved';
  readonly data: {
    readonly storyId: string;
    readonly proposalId: string;
    readonly decision: 'accepted' | 'rejected';
    readonly reason: string | null;
    /** The source the alias was added to, when accepted. */
    readonly sourceId: string | null;
  };
}

export type StoryEvent =
  | StoryOpened
  | ReportIngested
  | FactReported
  | FactAmended
  | FactCorrected
  | FactRetracted
  | FactsLinked
  | VerdictRecorded
  | LinkProposed
  | LinkProposalResolved
  | ReportMoved
  | ReportsSplit
  | StoryMerged
  | StoryRenamed
  | SourceAliasProposed
  | SourceAliasProposalResolved;
export type StoryEventType = StoryEvent['type'];

export interface SourceRegistered {
  readonly type: 'SourceRegistered';
  readonly data: { readonly sourceId: string; readonly name: string; readonly kind: SourceKind };
}

export interface SourceAliasAdded {
  readonly type: 'SourceAliasAdded';
  readonly data: { readonly sourceId: string; readonly alias: string };
}

export type SourceKind = 'outlet' | 'person' | 'organisation' | 'anonymous' | 'other';
export const SOURCE_KINDS: readonly SourceKind[] = ['outlet', 'person', 'organisation', 'anonymous', 'other'];

export type SourceEvent = SourceRegistered | SourceAliasAdded;

/** One story the router proposed for a report; `storyId` null proposes a new story. */
export interface RoutingProposal {
  readonly storyId: string | null;
  /** 0..1, rounded to 4 decimals. */
  readonly score: number;
  /** Why (shared entities and words, similarities, days apart); null for a new story. */
  readonly reasons: {
    readonly sharedEntities: readonly string[];
    readonly sharedTerms: readonly string[];
    readonly entitySimilarity: number;
    readonly termSimilarity: number;
    readonly daysApart: number | null;
  } | null;
}

/**
 * What the router made of a report sent to an inbox: `joined` it to a story at once (best
 * score at or above the inbox's threshold), `opened` a new story for it (nothing matched and
 * the inbox opens stories at once), or left it `waiting` for an analyst. Recorded with the
 * router's version, so a rebuild reads decisions back rather than recomputing them.
 */
export type RoutingDecisionKind = 'joined' | 'opened' | 'waiting';
export const ROUTING_DECISIONS: readonly RoutingDecisionKind[] = ['joined', 'opened', 'waiting'];

export interface ReportRouted {
  readonly type: 'ReportRouted';
  readonly data: {
    readonly inboxId: string;
    readonly reportId: string;
    /** Best first; ties broken by story id. */
    readonly proposals: readonly RoutingProposal[];
    readonly decision: RoutingDecisionKind;
    /** The story joined or opened; null while the report waits. */
    readonly storyId: string | null;
    /** The inbox's threshold the decision was taken under. */
    readonly autoJoinAt: number;
    /** The router, as "name/version". */
    readonly routedBy: string;
  };
}

/** An analyst sends a waiting report to a story (a proposed one, another, or a new one). */
export interface RoutingAccepted {
  readonly type: 'RoutingAccepted';
  readonly data: {
    readonly inboxId: string;
    readonly reportId: string;
    readonly storyId: string;
    /** True when the analyst opened the story for this report. */
    readonly opened: boolean;
    readonly reason: string | null;
  };
}

/** An analyst turns a waiting report away: it belongs to no story. */
export interface RoutingRejected {
  readonly type: 'RoutingRejected';
  readonly data: { readonly inboxId: string; readonly reportId: string; readonly reason: string };
}

/** How much the router may do in an inbox without an analyst; a later one supersedes it. */
export interface InboxPolicySet {
  readonly type: 'InboxPolicySet';
  readonly data: {
    readonly inboxId: string;
    readonly name: string;
    /** A best score at or above this joins at once (0..1; above 1 never). */
    readonly autoJoinAt: number;
    /** A report matching no story opens one at once, or waits. */
    readonly autoOpen: boolean;
  };
}

/**
 * The events of an inbox's own stream besides the reports sent to it (which are
 * `ReportIngested` and `FactReported` with the inbox's id as their `storyId`).
 */
export type InboxEvent = ReportRouted | RoutingAccepted | RoutingRejected | InboxPolicySet;

export type StorylineEvent = StoryEvent | SourceEvent | InboxEvent;
export type StorylineEventType = StorylineEvent['type'];

/** The event types that change which story a report belongs to (or what a story is called). */
export const MEMBERSHIP_EVENT_TYPES = ['ReportMoved', 'ReportsSplit', 'StoryMerged', 'StoryRenamed'] as const satisfies readonly StorylineEventType[];

/** The current schema version of each event type. */
export const SCHEMA_VERSIONS: { readonly [T in StorylineEventType]: number } = {
  StoryOpened: 1,
  ReportIngested: 2,
  FactReported: 2,
  FactAmended: 1,
  FactCorrected: 1,
  FactRetracted: 1,
  FactsLinked: 1,
  VerdictRecorded: 1,
  LinkProposed: 1,
  LinkProposalResolved: 1,
  ReportMoved: 1,
  ReportsSplit: 1,
  StoryMerged: 1,
  StoryRenamed: 1,
  SourceAliasProposed: 1,
  SourceAliasProposalResolved: 1,
  SourceRegistered: 1,
  SourceAliasAdded: 1,
  ReportRouted: 1,
  RoutingAccepted: 1,
  RoutingRejected: 1,
  InboxPolicySet: 1,
};

export const STORY_STREAM_PREFIX = 'story-';
export const SOURCE_STREAM_PREFIX = 'source-';
export const INBOX_STREAM_PREFIX = 'inbox-';
export const storyStream = (storyId: string): string => `${STORY_STREAM_PREFIX}${storyId}`;
/** An inbox's stream: the reports sent to it, the router's decisions, the analysts' answers, its policy. */
export const inboxStream = (inboxId: string): string => `${INBOX_STREAM_PREFIX}${inboxId}`;
export const sourceStream = (sourceId: string): string => `${SOURCE_STREAM_PREFIX}${sourceId}`;

/** Compile-time guard that a `switch` over event types handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}

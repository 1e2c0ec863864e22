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

export type StorylineEvent = StoryEvent | SourceEvent;
export type StorylineEventType = StorylineEvent['type'];

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
  SourceAliasProposed: 1,
  SourceAliasProposalResolved: 1,
  SourceRegistered: 1,
  SourceAliasAdded: 1,
};

export const STORY_STREAM_PREFIX = 'story-';
export const SOURCE_STREAM_PREFIX = 'source-';
export const storyStream = (storyId: string): string => `${STORY_STREAM_PREFIX}${storyId}`;
export const sourceStream = (sourceId: string): string => `${SOURCE_STREAM_PREFIX}${sourceId}`;

/** Compile-time guard that a `switch` over event types handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}

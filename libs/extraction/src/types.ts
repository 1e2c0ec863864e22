/** [start, end) offsets into the text given, in UTF-16 code units (as JavaScript strings index). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span together with the exact text it covers: `text === input.slice(start, end)`. */
export interface TextSpan extends Span {
  readonly text: string;
}

export type Modality = 'asserted' | 'reportedly' | 'allegedly' | 'quoted_opinion' | 'speculation' | 'denial';

export type Precision = 'instant' | 'day' | 'month' | 'year' | 'fuzzy' | 'unknown';

/**
 * When the thing happened in the world: a half-open interval [from, to) of ISO-8601 UTC
 * instants. A fuzzy interval ("in recent months") is wide on purpose; `unknown` has null ends.
 */
export interface OccurredInterval {
  readonly from: string | null;
  readonly to: string | null;
  readonly precision: Precision;
}

export type EntityType = 'person' | 'organisation' | 'place' | 'other';

/** One mention of a named entity; `name` is the normalised name shared by all its mentions. */
export interface EntityMention extends TextSpan {
  readonly name: string;
  readonly type: EntityType;
}

/**
 * Who the report says said it and the words that say so. `source` is the words in the text that
 * attribute, as written ("he", "the governor", "critics", "Dr. Mitchell"); `sourceName` is who
 * that is, resolved within the report, as its fullest mention ("Dr. Laura Mitchell"), or null
 * when the source names no one (an unnamed group such as "critics" or "analysts", an anonymous
 * source). `cue` is the verb or phrase of attribution ("said", "according to", ":").
 */
export interface Attribution {
  readonly source: TextSpan | null;
  readonly cue: TextSpan | null;
  readonly sourceName: TextSpan | null;
}

/** One atomic statement of a report, as `POST /extract` answers it. */
export interface ExtractedFact {
  readonly statement: string;
  readonly evidence: Span;
  readonly modality: Modality;
  readonly occurred?: OccurredInterval;
  readonly entities: readonly EntityMention[];
  readonly attribution: Attribution;
}

/** A report-level value; `evidence` is null when the caller supplied it rather than the text. */
export interface ReportFinding {
  readonly value: string;
  readonly evidence: TextSpan | null;
}

/** A named entity of the whole report with every mention of it. */
export interface ReportEntity {
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: readonly Span[];
}

export interface ExtractorIdentity {
  readonly name: string;
  readonly version: string;
}

export interface ExtractionResult {
  readonly extractor: ExtractorIdentity;
  readonly outlet: ReportFinding | null;
  /** ISO-8601 UTC instant (midnight when only the day is known). */
  readonly publishedAt: ReportFinding | null;
  readonly dateline: ReportFinding | null;
  readonly byline: ReportFinding | null;
  readonly headline: ReportFinding | null;
  readonly facts: readonly ExtractedFact[];
  readonly entities: readonly ReportEntity[];
}

export interface ExtractionOptions {
  /** Publication instant when known to the caller (ISO-8601); otherwise found in the text. */
  readonly publishedAt?: string | null;
  /** Outlet when known to the caller; otherwise found in the text. */
  readonly outlet?: string | null;
}

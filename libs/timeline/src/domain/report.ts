import { invalid } from '@storyline/story-events';
import { MODALITIES, PRECISIONS, type AttributionSpans, type EntityMention, type Evidence, type Modality, type OccurredInterval } from '@storyline/story-events';
import { sha256Hex } from '@storyline/story-events';
import { read } from '@storyline/story-events';

export const LIMITS = {
  textChars: 200_000,
  facts: 500,
  statementChars: 2_000,
  nameChars: 200,
  headlineChars: 500,
  urlChars: 2_000,
} as const;

/** A report as a user submits it, checked and normalised; evidence resolved to offsets. */
export interface ReportSubmission {
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly headline: string | null;
  readonly byline: string | null;
  readonly dateline: string | null;
  readonly url: string | null;
  readonly text: string;
  readonly textSha256: string;
  readonly language: string | null;
  readonly facts: readonly FactSubmission[];
}

export interface FactSubmission {
  readonly statement: string;
  readonly evidence: Evidence;
  readonly attributedTo: string | null;
  readonly modality: Modality;
  readonly occurred: OccurredInterval | null;
  readonly entities: readonly EntityMention[];
  readonly attribution: AttributionSpans | null;
}

const REPORT_FIELDS = ['outlet', 'publishedAt', 'headline', 'byline', 'dateline', 'url', 'language', 'text', 'facts'];
const LANGUAGE = { max: 2, pattern: /^[a-z]{2}$/, patternHint: 'must be a two-letter ISO 639-1 code such as "en"' };
const FACT_FIELDS = ['statement', 'evidence', 'attributedTo', 'modality', 'occurred'];

/**
 * Reads a report from untrusted input. `required` lists fields that this entry point
 * insists on (the JSON API requires outlet and publishedAt; raw text may leave them unknown).
 */
export function parseReport(body: unknown, required: readonly ('outlet' | 'publishedAt')[] = []): ReportSubmission {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, REPORT_FIELDS, '');
  for (const field of required) if (input[field] === undefined || input[field] === null) throw invalid(field, 'is required');
  const text = read.text(input.text, 'text', { max: LIMITS.textChars });
  const facts = input.facts === undefined ? [] : read.array(input.facts, 'facts', LIMITS.facts);
  return {
    outlet: read.optionalText(input.outlet, 'outlet', { max: LIMITS.nameChars })?.trim() ?? null,
    publishedAt: read.optionalInstant(input.publishedAt, 'publishedAt'),
    headline: read.optionalText(input.headline, 'headline', { max: LIMITS.headlineChars }),
    byline: read.optionalText(input.byline, 'byline', { max: LIMITS.nameChars }),
    dateline: read.optionalText(input.dateline, 'dateline', { max: LIMITS.nameChars }),
    url: parseUrl(input.url),
    text,
    textSha256: sha256Hex(text),
    language: read.optionalText(input.language, 'language', LANGUAGE),
    facts: facts.map((fact, index) => parseFact(fact, `facts[${index}]`, text)),
  };
}

function parseUrl(value: unknown): string | null {
  const url = read.optionalText(value, 'url', { max: LIMITS.urlChars });
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalid('url', 'must be an absolute http(s) URL');
  return url;
}

export function parseFact(value: unknown, field: string, reportText: string): FactSubmission {
  const input = read.object(value, field);
  read.rejectUnknownKeys(input, FACT_FIELDS, field);
  return {
    statement: read.text(input.statement, `${field}.statement`, { max: LIMITS.statementChars }).trim(),
    evidence: parseEvidence(input.evidence, `${field}.evidence`, reportText),
    attributedTo: read.optionalText(input.attributedTo, `${field}.attributedTo`, { max: LIMITS.nameChars })?.trim() ?? null,
    modality: input.modality === undefined ? 'asserted' : read.oneOf(input.modality, `${field}.modality`, MODALITIES),
    occurred: parseOccurred(input.occurred, `${field}.occurred`),
    entities: [],
    attribution: null,
  };
}

/** Evidence is `{start, end}` offsets into the text, or `{quote}`: text that occurs exactly once. */
export function parseEvidence(value: unknown, field: string, reportText: string): Evidence {
  const input = read.object(value, field);
  if (input.quote !== undefined) {
    read.rejectUnknownKeys(input, ['quote'], field);
    const quote = read.text(input.quote, `${field}.quote`, { max: reportText.length });
    const start = reportText.indexOf(quote);
    if (start < 0) throw invalid(`${field}.quote`, 'does not occur in the report text');
    if (reportText.indexOf(quote, start + 1) >= 0) throw invalid(`${field}.quote`, 'occurs more than once in the report text; give {start, end} instead');
    return { start, end: start + quote.length };
  }
  read.rejectUnknownKeys(input, ['start', 'end'], field);
  const start = read.integer(input.start, `${field}.start`, 0, reportText.length);
  const end = read.integer(input.end, `${field}.end`, 0, reportText.length);
  if (end <= start) throw invalid(`${field}.end`, `must be greater than start (${start}), got ${end}`);
  return { start, end };
}

export function parseOccurred(value: unknown, field: string): OccurredInterval | null {
  if (value === undefined || value === null) return null;
  const input = read.object(value, field);
  read.rejectUnknownKeys(input, ['from', 'to', 'precision'], field);
  const from = read.optionalInstant(input.from, `${field}.from`);
  const to = read.optionalInstant(input.to, `${field}.to`);
  const precision = read.oneOf(input.precision, `${field}.precision`, PRECISIONS);
  if (from && to && from > to) throw invalid(`${field}.to`, `must not be before from (${from})`);
  if (precision !== 'unknown' && !from && !to) throw invalid(`${field}.from`, `is required when precision is ${precision}`);
  return { from, to, precision };
}

/** What makes two submissions "the same request" for an idempotency key. */
export function submissionFingerprint(report: ReportSubmission): string {
  return sha256Hex(JSON.stringify(report));
}

import { DomainError, invalid, MODALITIES, read, sha256Hex, type Evidence } from '@storyline/story-events';
import { LIMITS, parseOccurred } from '../../command-handling/input';
import { submissionFromTextAsync, type RawReportHints } from './raw-text';
import type { FactSubmission, ReportSubmission } from './submission';

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


/** The optional outlet, publishedAt, headline and url sent with raw text (query or JSON). */
export function parseRawHints(input: Record<string, unknown>): RawReportHints {
  return {
    outlet: read.optionalText(input.outlet, 'outlet', { max: LIMITS.nameChars }),
    publishedAt: read.optionalInstant(input.publishedAt, 'publishedAt'),
    headline: read.optionalText(input.headline, 'headline', { max: LIMITS.headlineChars }),
    url: read.optionalText(input.url, 'url', { max: LIMITS.urlChars }),
  };
}

/** What the API needs of an HTTP request to read a report from it (express's Request has it). */
export interface ReportRequest {
  is(type: string): string | false | null;
  readonly query: unknown;
}

/**
 * A report from the API. JSON with `facts`: a structured report, taken as given. JSON without
 * `facts`, or text/plain: a report as published, whose facts the extractor finds (and the
 * extractor's identity is stored with the events).
 */
export async function reportFromRequest(body: unknown, request: ReportRequest): Promise<{ report: ReportSubmission; metadata: Record<string, unknown> }> {
  if (request.is('text/plain')) {
    if (typeof body !== 'string') throw invalid('body', 'must be the report text');
    const hints = parseRawHints(request.query as Record<string, unknown>);
    const { report, extractor } = await submissionFromTextAsync(body, hints, 'body');
    return { report, metadata: { extractor } };
  }
  if (!request.is('application/json')) {
    throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the report as application/json, or its raw text as text/plain', 'Content-Type');
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && !('facts' in body)) {
    const { text, ...hints } = read.object(body, '');
    read.rejectUnknownKeys(hints, ['outlet', 'publishedAt', 'headline', 'url'], '');
    const checked = read.text(text, 'text', { max: LIMITS.textChars });
    const { report, extractor } = await submissionFromTextAsync(checked, parseRawHints(hints));
    return { report, metadata: { extractor } };
  }
  return { report: parseReport(body, ['outlet', 'publishedAt']), metadata: {} };
}

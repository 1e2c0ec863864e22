import { extractReport, ExtractionInputError, type ExtractedFact, type ExtractionResult, type ExtractorIdentity } from '@storyline/extraction';
import { invalid } from '@storyline/story-events';
import type { OccurredInterval } from '@storyline/story-events';
import { sha256Hex } from '@storyline/story-events';
import { LIMITS, type FactSubmission, type ReportSubmission } from './report';

/** What the sender said about a raw report; anything left out is looked for in the text. */
export interface RawReportHints {
  readonly outlet?: string | null;
  readonly publishedAt?: string | null;
  readonly headline?: string | null;
  readonly url?: string | null;
}

export interface ExtractedSubmission {
  readonly report: ReportSubmission;
  readonly extractor: ExtractorIdentity;
  readonly extraction: ExtractionResult;
}

/** The extractor's own refusals, as the same named-field errors as every other input. */
export function extractOrExplain(text: string, hints: RawReportHints, field = 'text'): ExtractionResult {
  try {
    return extractReport(text, { outlet: hints.outlet ?? null, publishedAt: hints.publishedAt ?? null });
  } catch (error) {
    if (error instanceof ExtractionInputError) throw invalid(error.field === 'text' ? field : error.field, error.message.replace(/^[^:]+: /, ''));
    throw error;
  }
}

function occurred(fact: ExtractedFact): OccurredInterval | null {
  return fact.occurred ? { from: fact.occurred.from, to: fact.occurred.to, precision: fact.occurred.precision } : null;
}

function toSubmission(fact: ExtractedFact): FactSubmission {
  return {
    statement: fact.statement.length > LIMITS.statementChars ? `${fact.statement.slice(0, LIMITS.statementChars - 1)}…` : fact.statement,
    evidence: { start: fact.evidence.start, end: fact.evidence.end },
    // The resolved name ("Dr. Laura Mitchell" for "She"); the attributing words where no name is known ("critics").
    attributedTo: fact.attribution.sourceName?.text ?? fact.attribution.source?.text ?? null,
    modality: fact.modality,
    occurred: occurred(fact),
    entities: fact.entities.map(({ name, type, text, start, end }) => ({ name, type, text, start, end })),
    attribution: fact.attribution,
  };
}

/**
 * A report as published, with its facts found by the extractor. Outlet and date come from
 * the sender or the text; where neither has them they stay null ("unknown"), never guessed.
 */
export function submissionFromText(text: string, hints: RawReportHints, field = 'text'): ExtractedSubmission {
  if (text.length > LIMITS.textChars) throw invalid(field, `must be at most ${LIMITS.textChars} characters, got ${text.length}`);
  const extraction = extractOrExplain(text, hints, field);
  return {
    extractor: extraction.extractor,
    extraction,
    report: {
      outlet: hints.outlet ?? extraction.outlet?.value ?? null,
      publishedAt: hints.publishedAt ?? extraction.publishedAt?.value ?? null,
      headline: hints.headline ?? extraction.headline?.value ?? null,
      byline: extraction.byline?.value ?? null,
      dateline: extraction.dateline?.value ?? null,
      url: hints.url ?? null,
      text,
      textSha256: sha256Hex(text),
      language: 'en',
      facts: extraction.facts.map(toSubmission),
    },
  };
}

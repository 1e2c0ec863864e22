import { resolveFrames } from './attribution/discourse';
import { findFrame, type Frame } from './attribution/frame';
import { speakerLine } from './attribution/headline';
import { normaliseMentions, reportEntities } from './entities/normalise';
import { findNameRuns } from './entities/recognise';
import { ExtractionInputError, MAX_TEXT_CHARS } from './errors';
import { buildFacts } from './facts/build-facts';
import { isClosingSentence, isFurnitureSentence } from './rules/furniture';
import { findReportFindings } from './report/findings';
import { layOut, type Paragraph } from './text/layout';
import { splitSentences, type Sentence } from './text/sentences';
import type { ExtractionOptions, ExtractionResult, ExtractorIdentity } from './types';

/**
 * The extractor's version, recorded with what it extracted. It changes whenever a rule, a cue
 * list or a library upgrade may change the output for the same text.
 */
export const EXTRACTOR_VERSION = '2.0.0';

/** Who extracted a fact, for its event metadata (see EXTRACTOR_VERSION). */
export const EXTRACTOR: ExtractorIdentity = { name: 'storyline-rules', version: EXTRACTOR_VERSION };

/**
 * Finds the facts a published report states, with their evidence spans, attribution,
 * modality, entities and occurred intervals, plus the report's outlet, date, dateline, byline
 * and headline. Pure and deterministic: the same text and options give the same result.
 *
 * @throws ExtractionInputError for empty text, text over 200,000 characters, NUL bytes, or
 *   an unreadable `publishedAt`.
 */
export function extractReport(text: string, options: ExtractionOptions = {}): ExtractionResult {
  checkInput(text, options);
  const paragraphs = layOut(text);
  const findings = findReportFindings(paragraphs, options);
  const { sentences, spoken } = bodySentences(text, paragraphs, findings.bodyStart);
  const mentions = normaliseMentions(text, findNameRuns(sentences));
  const ownFrames = sentences.map(
    (sentence, index) => spoken.get(index) ?? findFrame(sentence, { quoteFollows: opensWithQuotation(sentences[index + 1]) }),
  );
  const frames = resolveFrames(text, sentences, ownFrames, mentions);
  const published = findings.publishedAt ? new Date(findings.publishedAt.value) : null;
  const { bodyStart: _, ...report } = findings;
  return {
    extractor: EXTRACTOR,
    ...report,
    facts: buildFacts({ text, sentences, frames, mentions, published }),
    entities: reportEntities(mentions),
  };
}

function checkInput(text: unknown, options: ExtractionOptions): asserts text is string {
  if (typeof text !== 'string') throw new ExtractionInputError('TEXT.NOT_STRING', 'text', 'must be a string');
  if (text.trim().length === 0) throw new ExtractionInputError('TEXT.EMPTY', 'text', 'is empty');
  if (text.length > MAX_TEXT_CHARS) {
    throw new ExtractionInputError('TEXT.TOO_LONG', 'text', `has ${text.length} characters; at most ${MAX_TEXT_CHARS} are accepted`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new ExtractionInputError('TEXT.NUL_BYTE', 'text', `contains a NUL character at offset ${nul}`);
  if (options.publishedAt && Number.isNaN(new Date(options.publishedAt).getTime())) {
    throw new ExtractionInputError('OPTION.INVALID', 'publishedAt', 'is not an ISO-8601 date or instant');
  }
}

function opensWithQuotation(sentence: Sentence | undefined): boolean {
  return sentence !== undefined && sentence.quotations.some((quote) => quote.start <= sentence.start);
}

// Sentences of the body from where the story starts; furniture sentences are dropped, and a
// closing one (credits, the comment prompt) ends the body. A line "Name: words" (a headline
// or a transcript) gives the words, framed as that speaker's.
function bodySentences(text: string, paragraphs: readonly Paragraph[], bodyStart: number | null): { sentences: Sentence[]; spoken: Map<number, Frame> } {
  const sentences: Sentence[] = [];
  const spoken = new Map<number, Frame>();
  for (const [index, paragraph] of paragraphs.entries()) {
    const inBody = paragraph.kind === 'body' || paragraph.kind === 'heading';
    if (!inBody || (bodyStart !== null && paragraph.end <= bodyStart)) continue;
    const line = paragraph.start >= (bodyStart ?? 0) ? speakerLine(paragraph.text, paragraph.start) : null;
    if (paragraph.kind === 'heading' && !line) continue;
    const start = line ? line.said.start : bodyStart !== null && bodyStart > paragraph.start && bodyStart < paragraph.end ? bodyStart : paragraph.start;
    for (const sentence of splitSentences(text, { start, end: paragraph.end }, index, sentences.length)) {
      const said = text.slice(sentence.start, sentence.end);
      if (isClosingSentence(said)) return { sentences, spoken };
      if (isFurnitureSentence(said)) continue;
      if (line) spoken.set(sentences.length, line.frame);
      sentences.push({ ...sentence, index: sentences.length });
    }
  }
  return { sentences, spoken };
}

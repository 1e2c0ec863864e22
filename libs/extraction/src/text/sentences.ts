import { tokenise, type Token } from '../nlp/wink';
import { NAME_TITLE_ABBREVIATIONS, SPEECH_VERBS } from '../rules/attribution-cues';
import type { Span } from '../types';
import { findQuotations, type Quotation } from './quotes';

/** A sentence of the report body, never cut inside a quotation. */
export interface Sentence extends Span {
  readonly index: number;
  readonly paragraph: number;
  readonly tokens: readonly Token[];
  readonly quotations: readonly Quotation[];
}

const FRAME_TAIL_MAX_TOKENS = 8;
// Mending stops here, so a stray unclosed quotation mark cannot swallow a whole page.
const MERGED_MAX_CHARS = 1500;
const CLOSING_QUOTE = /[\u201d"\u00bb]$/;

/**
 * Splits one paragraph (`text` is the whole report; `span` the part to read) into sentences.
 * wink's splitter breaks inside multi-sentence quotations and before a short speech tag
 * (`"Is it?" he asked.`); both are mended here.
 */
export function splitSentences(text: string, span: Span, paragraph: number, firstIndex: number): Sentence[] {
  const slice = text.slice(span.start, span.end);
  const { tokens, sentences } = tokenise(slice, span.start);
  const quotations = findQuotations(slice, span.start);
  const groups = mergeGroups(
    sentences.flatMap(([first, last]) => splitAfterWordStops(tokens.slice(first, last + 1))).filter((group) => group.length > 0),
    quotations,
  );
  return groups.map((group, offset) => {
    const start = group[0].start;
    const end = group[group.length - 1].end;
    return {
      index: firstIndex + offset,
      paragraph,
      start,
      end,
      tokens: group,
      quotations: quotations.filter((quote) => quote.start < end && quote.end > start),
    };
  });
}

// wink reads "weighs in." as the abbreviation "in." and runs on into the next sentence.
const LOWERCASE_ABBREVIATIONS = new Set(['etc.', 'vs.', 'approx.', 'no.', 'est.', 'al.', 'cf.', 'incl.', 'e.g.', 'i.e.', 'a.m.', 'p.m.', 'p.', 'pp.', 'ca.']);

const WORD_STOP = /^[a-z]{2,}\.$/;

function splitAfterWordStops(group: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  group.forEach((token, index) => {
    parts[parts.length - 1].push(token);
    const next = group[index + 1];
    const wordStop = token.text.endsWith('.') && WORD_STOP.test(token.text) && !LOWERCASE_ABBREVIATIONS.has(token.text);
    if (wordStop && next && /^[\p{Lu}\u201c"]/u.test(next.text) && next.start > token.end) parts.push([]);
  });
  return parts;
}

function mergeGroups(groups: Token[][], quotations: readonly Quotation[]): Token[][] {
  const merged: Token[][] = [];
  for (const group of groups) {
    const previous = merged[merged.length - 1];
    const fits = previous && group[group.length - 1].end - previous[0].start <= MERGED_MAX_CHARS;
    if (previous && fits && (splitsQuotation(group[0].start, quotations) || isSpeechTag(previous, group) || endsWithTitle(previous))) {
      previous.push(...group);
    } else {
      merged.push([...group]);
    }
  }
  return merged;
}

// wink ends a sentence after some titles ("Rev. Al Sharpton"), cutting the name in two.
function endsWithTitle(previous: readonly Token[]): boolean {
  const last = previous[previous.length - 1];
  const word = previous.length >= 2 && last.text === '.' ? previous[previous.length - 2].text + '.' : last.text;
  return NAME_TITLE_ABBREVIATIONS.has(word.toLowerCase());
}

function splitsQuotation(boundary: number, quotations: readonly Quotation[]): boolean {
  return quotations.some((quote) => quote.start < boundary && boundary < quote.end);
}

function isSpeechTag(previous: readonly Token[], next: readonly Token[]): boolean {
  const last = previous[previous.length - 1];
  if (!CLOSING_QUOTE.test(last.text) || next.length > FRAME_TAIL_MAX_TOKENS) return false;
  return next.some((token) => token.pos === 'VERB' && SPEECH_VERBS.has(token.lemma));
}

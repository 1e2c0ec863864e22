import type { Frame } from '../attribution/frame';
import { selectClaims, type Candidate } from './claims';
import { modalityOf } from '../modality/modality';
import type { Token } from '../nlp/wink';
import { ANAPHORIC_OPENER } from '../rules/discourse';
import type { Sentence } from '../text/sentences';
import { occurredIn } from '../time/occurred';
import type { Attribution, EntityMention, ExtractedFact, OccurredInterval, Span } from '../types';

/** Everything the fact builder reads; all offsets point into `text`. */
export interface FactInputs {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly frames: readonly Frame[];
  readonly mentions: readonly EntityMention[];
  readonly published: Date | null;
}

const MIN_QUOTE_WORDS = 3;
const MIN_SENTENCE_WORDS = 3;

/**
 * Turns analysed sentences into candidate facts, one per sentence: a sentence that is only a
 * speech tag around its quotation gives the quotation (what was said); any other sentence gives
 * itself, its quotations included, so a quote and the sentence carrying it are one fact.
 */
export function buildFacts(inputs: FactInputs): ExtractedFact[] {
  return selectClaims(candidateFacts(inputs));
}

function candidateFacts(inputs: FactInputs): Candidate[] {
  const times = sentenceTimes(inputs);
  return inputs.sentences.flatMap((sentence, index): Candidate[] => {
    const frame = inputs.frames[index];
    const quotations = sentence.quotations.filter(
      (quote) => quote.inner.start >= sentence.start && wordCount(inputs.text.slice(quote.inner.start, quote.inner.end)) >= MIN_QUOTE_WORDS,
    );
    if (quotations.length > 0 && isOnlySpeechTag(sentence, frame)) {
      const inner = { start: quotations[0].inner.start, end: Math.min(sentence.end, quotations[quotations.length - 1].inner.end) };
      return [candidate(inputs, sentence, quoteFact(inputs, sentence, frame, inner), true)];
    }
    return sentenceFact(inputs, sentence, frame, times[index]).map((fact) => candidate(inputs, sentence, fact, frame.blockQuote === true));
  });
}

function candidate(inputs: FactInputs, sentence: Sentence, fact: ExtractedFact, quoted: boolean): Candidate {
  const frame = inputs.frames[sentence.index];
  const named = Boolean(frame.source && frame.sourceName);
  return { fact, frame, ownTokens: outsideQuotations(sentence), quoted, named, position: sentence.index };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function outsideQuotations(sentence: Sentence): Token[] {
  return sentence.tokens.filter((token) => !sentence.quotations.some((quote) => quote.start <= token.start && token.start < quote.end));
}

function isOnlySpeechTag(sentence: Sentence, frame: Frame): boolean {
  return outsideQuotations(sentence).every((token) => token.pos !== 'VERB' || (frame.cue !== null && token.start === frame.cue.start));
}

function quoteFact(inputs: FactInputs, sentence: Sentence, frame: Frame, inner: Span): ExtractedFact {
  const said = inputs.text.slice(inner.start, inner.end);
  const tokens = sentence.tokens.filter((token) => token.start >= inner.start && token.end <= inner.end);
  const occurred = occurredIn(said, inputs.published);
  return {
    statement: normaliseSpace(said),
    evidence: inner,
    modality: modalityOf({ text: said, tokens, frame, quotation: true }),
    ...(occurred ? { occurred } : {}),
    entities: entitiesOf(inputs, inner, frame),
    attribution: attributionOf(inputs.text, frame),
  };
}

function sentenceFact(inputs: FactInputs, sentence: Sentence, frame: Frame, occurred: OccurredInterval | undefined): ExtractedFact[] {
  const said = inputs.text.slice(sentence.start, sentence.end);
  if (wordCount(said) < MIN_SENTENCE_WORDS) return [];
  const outside = outsideQuotations(sentence);
  const outsideText = outside.map((token) => token.text).join(' ');
  return [
    {
      statement: normaliseSpace(said),
      evidence: { start: sentence.start, end: sentence.end },
      modality: modalityOf({ text: outsideText, tokens: outside, frame, quotation: frame.blockQuote === true }),
      ...(occurred ? { occurred } : {}),
      entities: entitiesOf(inputs, sentence, frame),
      attribution: attributionOf(inputs.text, frame),
    },
  ];
}

// A sentence opening "The reported exchanges ... in recent months" dates the claim before it.
function sentenceTimes({ text, sentences, published }: FactInputs): (OccurredInterval | undefined)[] {
  const times = sentences.map((sentence) => occurredIn(text.slice(sentence.start, sentence.end), published));
  for (let index = 0; index + 1 < sentences.length; index += 1) {
    const next = sentences[index + 1];
    const anaphoric = next.paragraph === sentences[index].paragraph && ANAPHORIC_OPENER.test(text.slice(next.start, next.end));
    if (!times[index] && anaphoric && times[index + 1]) times[index] = times[index + 1];
  }
  return times;
}

function entitiesOf(inputs: FactInputs, span: Span, frame: Frame): EntityMention[] {
  const within = (outer: Span) => (mention: EntityMention) => mention.start >= outer.start && mention.end <= outer.end;
  const inSpan = inputs.mentions.filter(within(span));
  const outside = [frame.source, frame.sourceName].filter((part): part is Span => Boolean(part));
  const fromSource = inputs.mentions.filter((mention) => outside.some((part) => within(part)(mention)) && !within(span)(mention));
  return [...inSpan, ...new Set(fromSource)];
}

function attributionOf(text: string, frame: Frame): Attribution {
  const textSpan = (span: Span | null) => (span ? { text: text.slice(span.start, span.end), start: span.start, end: span.end } : null);
  return { source: textSpan(frame.source), cue: textSpan(frame.cue), sourceName: textSpan(frame.sourceName ?? null) };
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

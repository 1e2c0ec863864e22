import type { Token } from '../nlp/wink';
import { LEADING_CUES, SETTING_CUES, SOURCELESS_CUES, VAGUE_SOURCES } from '../rules/attribution-cues';
import type { Sentence } from '../text/sentences';
import type { Span } from '../types';
import { phraseAfter, type PhraseRange } from './noun-phrase';
import { findSpeechTag } from './speech-verb';

/** How a sentence says who said it, before pronouns and bare quotations are resolved. */
export interface Frame {
  readonly source: Span | null;
  readonly cue: Span | null;
  /** Lemma of the cue verb ("say", "deny"), or the cue phrase for non-verbal cues. */
  readonly cueWord: string | null;
  readonly kind: 'leading' | 'speech' | 'sourceless' | 'none';
  /**
   * Who the source is, when the text says it with other words than a name ("he", "the
   * governor"): the span of the name it stands for. Null for an unnamed group or anonymous source.
   */
  readonly sourceName?: Span | null;
  /** The whole sentence is the source's words, set off by a colon rather than quotation marks. */
  readonly blockQuote?: boolean;
}

export const NO_FRAME: Frame = { source: null, cue: null, cueWord: null, kind: 'none' };

/** What the sentence's neighbours tell about it. */
export interface FrameContext {
  /** The next sentence opens with a quotation, so an everyday verb here may introduce it. */
  readonly quoteFollows?: boolean;
}

/** Finds the attribution frame of one sentence, looking only at text outside its quotations. */
export function findFrame(sentence: Sentence, context: FrameContext = {}): Frame {
  const tokens = sentence.tokens;
  const outside = tokens.map((token) => !sentence.quotations.some((quote) => quote.start <= token.start && token.start < quote.end));
  const leading = findLeadingCue(tokens, outside);
  const tag = findSpeechTag(sentence, outside, context.quoteFollows ?? false);
  const speech: Frame | null = tag && {
    source: spanOf(tokens, tag.speaker),
    cue: spanOf(tokens, [tag.verb, tag.verb]),
    cueWord: tokens[tag.verb].lemma,
    kind: 'speech',
  };
  // A speech tag on a quotation names its speaker, whatever "according to" adds after it.
  if (speech && tag?.tagsQuotation) return speech;
  // "In an interview with X, Y said" or "In a statement from his office, Y said": Y is the source.
  if (speech && leading?.cueWord && SETTING_CUES.has(leading.cueWord)) return speech;
  if (leading && leading.source) return leading;
  return speech ?? leading ?? findSourcelessCue(tokens, outside) ?? NO_FRAME;
}

function spanOf(tokens: readonly Token[], range: PhraseRange): Span {
  return { start: tokens[range[0]].start, end: tokens[range[1]].end };
}

const phraseWords = new Map<string, readonly string[]>();

function matchPhrase(tokens: readonly Token[], outside: readonly boolean[], at: number, phrase: string): number {
  const words = phraseWords.get(phrase) ?? phrase.split(' ');
  phraseWords.set(phrase, words);
  if (tokens[at].lower !== words[0]) return 0;
  for (let offset = 0; offset < words.length; offset += 1) {
    const token = tokens[at + offset];
    if (!token || !outside[at + offset] || token.lower !== words[offset]) return 0;
  }
  return words.length;
}

function findLeadingCue(tokens: readonly Token[], outside: readonly boolean[]): Frame | null {
  for (let at = 0; at < tokens.length; at += 1) {
    for (const phrase of LEADING_CUES) {
      const length = matchPhrase(tokens, outside, at, phrase);
      if (!length) continue;
      const range = phraseAfter(tokens, at + length);
      const cue = { start: tokens[at].start, end: tokens[at + length - 1].end };
      const text = range ? tokens.slice(range[0], range[1] + 1).map((token) => token.text).join(' ') : '';
      const source = range && !VAGUE_SOURCES.test(text) ? spanOf(tokens, range) : null;
      return { source, cue, cueWord: phrase, kind: 'leading' };
    }
  }
  return null;
}

function findSourcelessCue(tokens: readonly Token[], outside: readonly boolean[]): Frame | null {
  for (let at = 0; at < tokens.length; at += 1) {
    for (const phrase of SOURCELESS_CUES) {
      const length = matchPhrase(tokens, outside, at, phrase);
      if (length) return { source: null, cue: { start: tokens[at].start, end: tokens[at + length - 1].end }, cueWord: phrase, kind: 'sourceless' };
    }
  }
  return null;
}

import type { Token } from '../nlp/wink';
import { AMBIGUOUS_SPEECH_VERBS, EVIDENTIAL_VERBS, POLL_SUBJECT, POLL_VERBS, SOURCE_NOUNS, SPEECH_VERBS } from '../rules/attribution-cues';
import type { Sentence } from '../text/sentences';
import { speakerAfter, subjectBefore, type PhraseRange } from './noun-phrase';

/** A speech verb and its speaker, as token indexes into a sentence. */
export interface SpeechTag {
  readonly verb: number;
  readonly speaker: PhraseRange;
  /** The verb sits next to a quotation: it is that quotation's speech tag. */
  readonly tagsQuotation: boolean;
}

const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const CLOSING_QUOTES = new Set(['\u201d', '"', '\u00bb']);
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const THAT_CLAUSE_REACH = 8;
const NOT_SPEAKERS = new Set(['we', 'i', 'you', 'it', 'this', 'that', 'which']);

/**
 * Finds the verb of saying that frames a sentence and who its subject is. `quoteFollows`
 * tells that the next sentence opens with a quotation ("Trump noted in a tweet." + quote).
 */
export function findSpeechTag(sentence: Sentence, outside: readonly boolean[], quoteFollows: boolean): SpeechTag | null {
  const tokens = sentence.tokens;
  const candidates = tokens.map((_, index) => index).filter((index) => outside[index] && isCueVerb(tokens, index));
  // A verb next to a quotation is its speech tag; otherwise the first cue verb frames the sentence,
  // then verbs of saying before verbs of stance ("They challenge the norms, critics say").
  const ordered = [
    ...candidates.filter((index) => nextToQuotation(tokens, index)),
    ...candidates.filter((index) => SPEECH_VERBS.has(tokens[index].lemma)),
    ...candidates,
  ];
  for (const verb of ordered) {
    if (AMBIGUOUS_SPEECH_VERBS.has(tokens[verb].lemma) && !quoteFollows && !speechContext(sentence, verb)) continue;
    const speaker = speakerOf(tokens, verb, outside);
    if (speaker && POLL_VERBS.has(tokens[verb].lemma) && !POLL_SUBJECT.test(phraseText(tokens, speaker))) continue;
    if (speaker && plausibleSpeaker(tokens, speaker, tokens[verb].lemma)) {
      return { verb, speaker, tagsQuotation: nextToQuotation(tokens, verb) };
    }
  }
  return null;
}

// An everyday verb reports speech when a quotation follows it or a "that" clause comes soon.
function speechContext(sentence: Sentence, index: number): boolean {
  const tokens = sentence.tokens;
  if (nextToQuotation(tokens, index) || sentence.quotations.some((quote) => quote.start > tokens[index].start)) return true;
  if (tokens[index + 1]?.lower === 'that') return true;
  // "called for an inquiry", "called on the minister to resign".
  if (tokens[index].lemma === 'call' && ['for', 'on'].includes(tokens[index + 1]?.lower ?? '')) return true;
  return tokens.slice(index + 1, index + 1 + THAT_CLAUSE_REACH).some((token) => token.lower === 'that' && token.pos === 'SCONJ');
}

function phraseText(tokens: readonly Token[], range: PhraseRange): string {
  return tokens.slice(range[0], range[1] + 1).map((token) => token.text).join(' ');
}

// "A new poll has Trump leading": a poll's verb of finding, not an auxiliary before a participle.
function isPollVerb(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  return POLL_VERBS.has(tokens[index].lemma) && next !== undefined && !['VERB', 'AUX', 'PART', 'ADV'].includes(next.pos);
}

function isCueVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (isPollVerb(tokens, index)) return true;
  if (!(SPEECH_VERBS.has(token.lemma) || EVIDENTIAL_VERBS.has(token.lemma))) return false;
  // wink sometimes tags a plural subject's verb as a noun ("Analysts note that").
  const verbal = token.pos === 'VERB' || (token.pos === 'NOUN' && tokens[index + 1]?.lower === 'that');
  if (!verbal) return false;
  const before = tokens.slice(Math.max(0, index - 3), index).map((previous) => previous.lower);
  if (before.some((word) => NEGATIONS.has(word))) return false;
  // "is said to", "were told": passive, so the subject is not the speaker.
  return !PASSIVE_AUX.has(tokens[index - 1]?.lower ?? '');
}

function nextToQuotation(tokens: readonly Token[], index: number): boolean {
  const near = [tokens[index - 1], tokens[index - 2], tokens[index + 1], tokens[index + 2], tokens[index - 3]];
  return near.some((token) => token && (CLOSING_QUOTES.has(token.text) || token.text === '\u201c' || token.text === ':'));
}

function speakerOf(tokens: readonly Token[], verb: number, outside: readonly boolean[]): PhraseRange | null {
  const previous = tokens[verb - 1];
  const beforeThat = tokens[verb - 2];
  // "told CNN" names the listener, never the speaker.
  const canInvert = tokens[verb].lemma !== 'tell';
  const inverted = previous && (CLOSING_QUOTES.has(previous.text) || (previous.text === ',' && beforeThat && CLOSING_QUOTES.has(beforeThat.text)));
  if (inverted && canInvert) return speakerAfter(tokens, verb);
  if (previous?.lower === 'to') return subjectBefore(tokens, infinitiveAnchor(tokens, verb), 0);
  const participle = /ing$/.test(tokens[verb].lower);
  const direct = participle ? null : subjectBefore(tokens, verb, 0);
  if (direct) return direct;
  // "..., accusing", "stormed back and said": the subject is that of the verb before.
  if (participle || previous?.lower === 'and') return governingSubject(tokens, verb, outside);
  // "The plan will fail, said Ms. Ruiz" inverts; "..., wrote an open letter" has an object instead.
  const after = previous?.text === ',' && canInvert ? speakerAfter(tokens, verb) : null;
  return after && !['a', 'an', 'the', 'his', 'her', 'their', 'its'].includes(tokens[after[0]].lower) ? after : null;
}

function governingSubject(tokens: readonly Token[], verb: number, outside: readonly boolean[]): PhraseRange | null {
  for (let index = verb - 1; index >= 0; index -= 1) {
    const token = tokens[index];
    if (!outside[index] || token.pos !== 'VERB' || /ing$/.test(token.lower)) continue;
    const subject = subjectBefore(tokens, index, 0);
    if (subject) return subject;
  }
  return null;
}

// "Biden was quick to retort": the speaker is the subject of the verb that governs "to".
function infinitiveAnchor(tokens: readonly Token[], verb: number): number {
  let index = verb - 1;
  const chain = new Set(['ADJ', 'ADV', 'VERB', 'AUX', 'PART']);
  while (index > 0 && index > verb - 6 && (tokens[index].lower === 'to' || chain.has(tokens[index].pos))) index -= 1;
  return index + 1;
}

function plausibleSpeaker(tokens: readonly Token[], range: PhraseRange, lemma: string): boolean {
  const words = tokens.slice(range[0], range[1] + 1);
  if (words.length === 1 && NOT_SPEAKERS.has(words[0].lower)) return false;
  if (SPEECH_VERBS.has(lemma)) return true;
  const text = words.map((token) => token.text).join(' ');
  return SOURCE_NOUNS.test(text) || words.some((token) => token.pos === 'PROPN') || ['he', 'she', 'they'].includes(words[0].lower);
}

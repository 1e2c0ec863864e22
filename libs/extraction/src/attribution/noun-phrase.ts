import type { Token } from '../nlp/wink';
import { EMBEDDING_WORDS, NAME_TITLE_ABBREVIATIONS, SOURCE_PHRASE_STOPS, SPEECH_ADVERBS } from '../rules/attribution-cues';

/** Token index range [first, last] of a noun phrase within a sentence's tokens. */
export type PhraseRange = readonly [number, number];

const NOMINAL = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const INNER_PREPOSITIONS = new Set(['of', 'in', 'at', 'from', 'with', 'for', 'on', 'within', 'close', 'by']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', "'s", '\u2019s', "'", '\u2019']);
const CLOSING_QUOTES = new Set(['\u201d', '"', '\u00bb']);
const APPOSITIVE_MAX_TOKENS = 16;
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);

const isComma = (token: Token | undefined): boolean => token?.text === ',';
const isNominal = (token: Token): boolean => NOMINAL.has(token.pos) || POSSESSIVES.has(token.lower) || ['those', 'some', 'many', 'others'].includes(token.lower);
const hasHead = (tokens: readonly Token[]): boolean =>
  tokens.some((token) => token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'PRON');

const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'morning', 'afternoon', 'evening', 'night', 'weekend',
]);
const TIME_LEAD = new Set(['on', 'late', 'early', 'last', 'this', 'earlier', 'later']);
const PARENTHETICAL_MAX_TOKENS = 6;

// One step back over what may stand between a speaker and the verb; returns `index` when nothing.
function skipBetween(tokens: readonly Token[], index: number, floor: number): number {
  if (index < floor) return index;
  const token = tokens[index];
  if (SPEECH_ADVERBS.has(token.lower) || token.pos === 'ADV' || (index > floor && REFLEXIVES.has(token.lower))) return index - 1;
  if (TIME_WORDS.has(token.lower)) {
    let at = index - 1;
    while (at >= floor && (TIME_LEAD.has(tokens[at].lower) || TIME_WORDS.has(tokens[at].lower))) at -= 1;
    return at;
  }
  if (token.text === ')') {
    for (let at = index - 1; at >= Math.max(floor, index - PARENTHETICAL_MAX_TOKENS); at -= 1) if (tokens[at].text === '(') return at - 1;
  }
  return index;
}

/** The speaker before a speech verb: "Robert Lane, a former NATO advisor, cautioned" gives "Robert Lane". */
export function subjectBefore(tokens: readonly Token[], verb: number, floor: number): PhraseRange | null {
  let index = verb - 1;
  // Adverbs, an emphatic reflexive, a time ("on Friday") and a party label ("(R-Texas)") sit
  // between speaker and verb: "Sen. Ted Cruz (R-Texas) on Friday said", "Trump himself said".
  for (let skipped = skipBetween(tokens, index, floor); skipped !== index; skipped = skipBetween(tokens, index, floor)) index = skipped;
  if (index < floor) return null;
  if (isComma(tokens[index])) return subjectBeforeComma(tokens, index, floor);
  const range =
    tokens[index].pos === 'PRON' && !POSSESSIVES.has(tokens[index].lower) ? ([index, index] as const) : collectBackwards(tokens, index, floor);
  return range && opensClause(tokens[range[0] - 1]) ? range : null;
}

// "Robert Lane, a former NATO advisor, cautioned" (an appositive between commas), or
// `"...," Rev. Hopping of Our Lady, told HuffPost` (a stray comma after the speaker's name).
function subjectBeforeComma(tokens: readonly Token[], comma: number, floor: number): PhraseRange | null {
  const beforeAppositive = skipAppositive(tokens, comma, floor);
  if (beforeAppositive >= floor) {
    const range = collectBackwards(tokens, beforeAppositive, floor);
    return range && opensClause(tokens[range[0] - 1]) ? range : null;
  }
  const range = collectBackwards(tokens, comma - 1, floor);
  const before = range ? tokens[range[0] - 1] : undefined;
  return range && (!before || CLOSING_QUOTES.has(before.text) || (isComma(before) && CLOSING_QUOTES.has(tokens[range[0] - 2]?.text ?? ''))) ? range : null;
}

// A subject starts a clause: a noun phrase right after a verb or preposition is an object
// ("The report involving Witkoff adds"), and one after "how" sits in an embedded question.
function opensClause(before: Token | undefined): boolean {
  if (!before) return true;
  if (EMBEDDING_WORDS.has(before.lower)) return false;
  return !['VERB', 'AUX', 'ADP'].includes(before.pos) || before.lower === 'that';
}

// From the comma closing an appositive back to the word before the comma that opens it.
function skipAppositive(tokens: readonly Token[], closing: number, floor: number): number {
  for (let index = closing - 1; index >= Math.max(floor, closing - APPOSITIVE_MAX_TOKENS); index -= 1) {
    if (CLOSING_QUOTES.has(tokens[index].text)) return -1;
    if (!isComma(tokens[index])) continue;
    const opener = tokens[index + 1];
    // "Margelov, appointed by Medvedev to mediate, said": a participle opens an appositive too.
    const participle = opener?.pos === 'VERB' && /(?:ed|en|wn)$/.test(opener.lower);
    const appositive = opener && (isNominal(opener) || participle || ['who', 'whose', 'which'].includes(opener.lower));
    return appositive && index - 1 >= floor && isNominal(tokens[index - 1]) ? index - 1 : -1;
  }
  return -1;
}

function collectBackwards(tokens: readonly Token[], last: number, floor: number): PhraseRange | null {
  let first = last + 1;
  for (let index = last; index >= floor; index -= 1) {
    const token = tokens[index];
    const joined = first <= last && (INNER_PREPOSITIONS.has(token.lower) || token.lower === 'and' || isHyphen(tokens, index) || isTitleStop(tokens, index));
    if (!isNominal(token) && !joined && !isMistaggedName(tokens, index)) break;
    // "In Wednesday's speech the senator": a determiner after a noun starts a new phrase.
    if (tokens[first]?.pos === 'DET' && first <= last && (token.pos === 'NOUN' || token.pos === 'PROPN')) break;
    first = index;
  }
  while (first <= last && (INNER_PREPOSITIONS.has(tokens[first].lower) || tokens[first].lower === 'and')) first += 1;
  return first <= last && hasHead(tokens.slice(first, last + 1)) ? [first, last] : null;
}

// The stop of a title wink splits off its word: "Rev" "." "Al Sharpton".
function isTitleStop(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return tokens[index].text === '.' && previous !== undefined && previous.end === tokens[index].start && NAME_TITLE_ABBREVIATIONS.has(`${previous.lower}.`);
}

// wink tags some first names as verbs ("Sen. Ted Cruz"): a capitalised word before a proper noun.
function isMistaggedName(tokens: readonly Token[], index: number): boolean {
  return tokens[index].pos === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(tokens[index].text) && tokens[index + 1]?.pos === 'PROPN';
}

function isHyphen(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  return token.text === '-' && tokens[index - 1]?.end === token.start && tokens[index + 1]?.start === token.end;
}

/** The noun phrase after a cue: "according to sources familiar with the discussions". */
export function phraseAfter(tokens: readonly Token[], from: number, maxTokens = 12): PhraseRange | null {
  let last = from - 1;
  for (let index = from; index < tokens.length && index < from + maxTokens; index += 1) {
    const token = tokens[index];
    if (token.pos === 'PUNCT' && !isHyphen(tokens, index)) break;
    if (index > from && (SOURCE_PHRASE_STOPS.has(token.lower) || token.pos === 'VERB' || token.pos === 'AUX')) break;
    last = index;
  }
  return last >= from && hasHead(tokens.slice(from, last + 1)) ? [from, last] : null;
}

/** The speaker after an inverted speech verb: `"...," said Mr. Lane, a former adviser.` */
export function speakerAfter(tokens: readonly Token[], verb: number): PhraseRange | null {
  let last = verb;
  for (let index = verb + 1; index < tokens.length; index += 1) {
    if (!(isNominal(tokens[index]) || isHyphen(tokens, index) || isTitleStop(tokens, index))) break;
    last = index;
  }
  if (last === verb && tokens[verb + 1]?.pos === 'PRON') return [verb + 1, verb + 1];
  return last > verb && hasHead(tokens.slice(verb + 1, last + 1)) ? [verb + 1, last] : null;
}

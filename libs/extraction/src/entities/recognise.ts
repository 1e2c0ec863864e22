import type { Token } from '../nlp/wink';
import { KNOWN_ORGANISATIONS, KNOWN_PLACES, NOT_NAMES } from '../rules/entities';
import type { Sentence } from '../text/sentences';
import { classifyName, isDemonym, isTitle, type NameGuess } from './classify';

/** A proper-noun run found in a sentence, before its mentions are tied together. */
export interface NameRun extends NameGuess {
  readonly start: number;
  readonly end: number;
  readonly words: readonly string[];
  readonly sentence: number;
}

const CONNECTORS = new Set(['of', 'for', 'de', 'al', 'von', 'van', 'bin', '&']);
const OPENING_MARKS = /^[\u201c"'\u2018(\u2014\u2013:.!?-]$/;

/**
 * Finds proper-noun runs in every sentence and guesses what each one names. `keepOpenings`
 * keeps a lone capitalised first word, for short statements that open with a bare surname.
 */
export function findNameRuns(sentences: readonly Sentence[], keepOpenings = false): NameRun[] {
  const runs: NameRun[] = [];
  for (const sentence of sentences) {
    for (const tokens of properNounRuns(sentence.tokens)) {
      const run = toRun(tokens, sentence);
      if (run) runs.push(run);
    }
  }
  return keepOpenings ? runs : dropCapitalisedCommonWords(runs, sentences);
}

function isNameToken(token: Token): boolean {
  if (NOT_NAMES.has(token.lower) || !/^[\p{Lu}@]/u.test(token.text)) return false;
  return token.pos === 'PROPN' || (/^[\p{Lu}][\p{L}.]*$/u.test(token.text) && isTitle(token.text));
}

function properNounRuns(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((token, index) => {
    const joins = current.length > 0 && CONNECTORS.has(token.lower) && tokens[index + 1] && isNameToken(tokens[index + 1]);
    if (isNameToken(token) || joins) {
      current.push(token);
      return;
    }
    if (current.length) runs.push(current);
    current = [];
  });
  if (current.length) runs.push(current);
  return runs;
}

function toRun(tokens: Token[], sentence: Sentence): NameRun | null {
  const words = tokens.map((token) => token.text);
  if (words.length === 1 && isDemonym(words[0])) return null;
  const guess = classifyName(words);
  return { ...guess, words, start: tokens[0].start, end: tokens[tokens.length - 1].end, sentence: sentence.index };
}

// wink tags any capitalised first word as a proper noun; keep such a word only when the report
// also capitalises it mid-sentence, or a list knows it.
function dropCapitalisedCommonWords(runs: NameRun[], sentences: readonly Sentence[]): NameRun[] {
  const firstPositions = new Set(sentences.flatMap((sentence) => sentenceOpenings(sentence.tokens)));
  const midSentence = new Set(runs.filter((run) => !firstPositions.has(run.start)).map((run) => run.words.join(' ')));
  for (const run of runs) if (run.type === 'person' && run.words.length > 1) midSentence.add(run.words[run.words.length - 1]);
  return runs.filter((run) => {
    if (!firstPositions.has(run.start) || run.words.length > 1 || run.type !== 'unknown') return true;
    const word = run.words[0];
    return midSentence.has(word) || KNOWN_PLACES.has(word.toLowerCase()) || KNOWN_ORGANISATIONS.has(word.toLowerCase());
  });
}

function sentenceOpenings(tokens: readonly Token[]): number[] {
  const openings = [tokens[0]?.start];
  tokens.forEach((token, index) => {
    if (index > 0 && OPENING_MARKS.test(tokens[index - 1].text)) openings.push(token.start);
  });
  return openings.filter((start): start is number => start !== undefined);
}

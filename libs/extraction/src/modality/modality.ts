import type { Frame } from '../attribution/frame';
import type { Token } from '../nlp/wink';
import {
  ALLEGATION_WORDS,
  BACKSHIFTED_MODALS,
  DENIAL_PHRASES,
  DENIAL_VERBS,
  RELATIVE_PRONOUNS,
  REPORTED_WORDS,
  SPECULATIVE_MODALS,
  SPECULATIVE_WORDS,
} from '../rules/modality-cues';
import type { Modality } from '../types';

/** What modality is decided from: the words outside quotations, their tokens, and the frame. */
export interface ModalityInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly frame: Frame;
  readonly quotation: boolean;
}

/**
 * The modality of a fact: denial, then allegation, then a quotation (an opinion in the
 * speaker's words), then speculation, then a report at second hand, else asserted.
 */
export function modalityOf(input: ModalityInput): Modality {
  if (isDenial(input)) return 'denial';
  if (input.quotation) return 'quoted_opinion';
  if (ALLEGATION_WORDS.test(input.text)) return 'allegedly';
  if (isSpeculation(input)) return 'speculation';
  if (REPORTED_WORDS.test(input.text) || input.frame.kind !== 'none') return 'reportedly';
  return 'asserted';
}

function isDenial({ text, tokens, frame }: ModalityInput): boolean {
  if (frame.cueWord && DENIAL_VERBS.has(frame.cueWord)) return true;
  if (tokens.some((token) => token.pos === 'VERB' && DENIAL_VERBS.has(token.lemma))) return true;
  return DENIAL_PHRASES.some((pattern) => pattern.test(text));
}

// In reported speech "would" is the speaker's "will" shifted back a tense ("he said the army
// would withdraw"), so it hedges nothing; "could", "may" and "might" still do.
function isSpeculation({ text, tokens, frame }: ModalityInput): boolean {
  if (/\?\s*$/.test(text) || SPECULATIVE_WORDS.test(text)) return true;
  const reported = frame.kind === 'speech' || frame.kind === 'leading';
  return tokens.some(
    (token, index) =>
      token.pos === 'AUX' &&
      SPECULATIVE_MODALS.has(token.lower) &&
      !(reported && BACKSHIFTED_MODALS.has(token.lower)) &&
      !RELATIVE_PRONOUNS.has(tokens[index - 1]?.lower ?? ''),
  );
}

import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A word or punctuation mark with its offsets into the whole report text. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, AUX, ...). */
  readonly pos: string;
  readonly lemma: string;
  readonly lower: string;
}

/** Tokens of one stretch of text, grouped into wink's sentences (before quote repair). */
export interface TokenisedText {
  readonly tokens: readonly Token[];
  /** Index ranges [first, last] into `tokens`, one per sentence wink found. */
  readonly sentences: readonly (readonly [number, number])[];
}

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | undefined;

// Loading the model takes tens of milliseconds, so it happens once, on first use.
function nlp(): Wink {
  instance ??= winkNLP(model);
  return instance;
}

/** Tokenises `text`, a slice of the report that starts at `offset`, keeping exact offsets. */
export function tokenise(text: string, offset: number): TokenisedText {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  // wink's typings give `its.lemma` a signature `out()` does not accept, though it works.
  const lemma = its.lemma as unknown as Parameters<ItemToken['out']>[0];
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((token: ItemToken) => {
    cursor += (token.out(its.precedingSpaces) as string).length;
    const value = token.out(its.value) as string;
    // wink is lossless, but a mismatch must never produce a wrong span: resync on the text.
    const at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    tokens.push({
      text: value,
      start: offset + start,
      end: offset + start + value.length,
      pos: token.out(its.pos) as string,
      lemma: ((token.out(lemma) as string | undefined) ?? value).toLowerCase(),
      lower: value.toLowerCase(),
    });
    cursor = start + value.length;
  });
  const sentences: (readonly [number, number])[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    sentences.push([first, last]);
  });
  return { tokens, sentences };
}

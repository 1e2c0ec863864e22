import { findNameRuns } from '../entities/recognise';
import { personKey } from '../entities/normalise';
import { tokenise, type Token } from '../nlp/wink';
import { AFFILIATIONS } from '../rules/entities';
import { COUNTERPART_PREPOSITIONS, GENERIC_HEADS, RELATION_NOUNS, RELATION_VERBS } from '../rules/relations';
import type { Sentence } from '../text/sentences';

/** Who does what to whom in one statement, as far as the rules can tell. */
export interface Relation {
  /** Normalised keys of the entities before the relation word, with a display name each. */
  readonly actors: ReadonlyMap<string, string>;
  /** Keys of every entity the statement names. */
  readonly entities: ReadonlyMap<string, string>;
  /** The kind of relation ("contact") and the word that carries it ("advised"). */
  readonly kind: string | null;
  readonly word: string | null;
  readonly counterpart: Counterpart | null;
  readonly negated: boolean;
  /** Content-word lemmas, for comparing wording. */
  readonly words: ReadonlySet<string>;
}

/** The other party of the relation: "a senior Kremlin official" stands for Russia. */
export interface Counterpart {
  readonly text: string;
  /** Lemma of the last noun: "official" in "a senior Kremlin official". */
  readonly head: string;
  readonly affiliations: ReadonlySet<string>;
  readonly distinctive: ReadonlySet<string>;
}

const NP_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const NP_JOINERS = new Set(['within', 'of', 'from', 'in', '-']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const COUNTERPART_REACH = 8;
const CONTENT_TAGS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

/** Reads the relation of a statement; deterministic and independent of any report. */
export function readRelation(statement: string): Relation {
  const { tokens } = tokenise(statement, 0);
  const sentence: Sentence = { index: 0, paragraph: 0, start: 0, end: statement.length, tokens, quotations: [] };
  const runs = findNameRuns([sentence], true);
  const at = relationIndex(tokens);
  const key = (run: (typeof runs)[number]) => (run.type === 'person' || run.type === 'unknown' ? personKey(run.name) : run.name.toLowerCase());
  const entities = new Map(runs.map((run) => [key(run), run.name] as const));
  const actors = new Map(runs.filter((run) => at >= 0 && run.end <= tokens[at].start).map((run) => [key(run), run.name] as const));
  return {
    actors,
    entities,
    kind: at >= 0 ? relationKind(tokens[at]) : null,
    word: at >= 0 ? tokens[at].text : null,
    counterpart: at >= 0 ? counterpartAfter(tokens, at) : null,
    negated: at >= 0 && tokens.slice(Math.max(0, at - 3), at).some((token) => NEGATIONS.has(token.lower)),
    words: new Set(tokens.filter((token) => CONTENT_TAGS.has(token.pos)).map((token) => token.lemma)),
  };
}

function relationKind(token: Token): string | null {
  if (token.pos === 'VERB') return RELATION_VERBS.get(token.lemma) ?? null;
  return RELATION_NOUNS.get(token.lemma) ?? null;
}

const HYPOTHETICAL = new Set(['if', 'whether', 'unless']);

// The first verb or noun that names a relation, after at least one word of subject; a
// relation under "if" or "whether" is not claimed to have happened.
function relationIndex(tokens: readonly Token[]): number {
  for (let index = 1; index < tokens.length; index += 1) {
    if (HYPOTHETICAL.has(tokens[index].lower)) return -1;
    if (relationKind(tokens[index]) !== null) return index;
  }
  return -1;
}

function counterpartAfter(tokens: readonly Token[], at: number): Counterpart | null {
  let index = at + 1;
  while (tokens[index]?.pos === 'ADV') index += 1;
  const direct = tokens[index];
  const transitive = tokens[at].pos === 'VERB' && direct && NP_TAGS.has(direct.pos) && !RELATION_NOUNS.has(direct.lemma);
  if (transitive) return nounPhrase(tokens, index);
  for (let next = at + 1; next < tokens.length && next <= at + COUNTERPART_REACH; next += 1) {
    if (COUNTERPART_PREPOSITIONS.has(tokens[next].lower)) return nounPhrase(tokens, next + 1);
    if (tokens[next].pos === 'PUNCT' && tokens[next].text !== '-') break;
  }
  return null;
}

function nounPhrase(tokens: readonly Token[], from: number): Counterpart | null {
  const words: Token[] = [];
  for (let index = from; index < tokens.length && words.length < COUNTERPART_REACH; index += 1) {
    const token = tokens[index];
    const attached = words.length > 0 && (NP_JOINERS.has(token.lower) || /^['\u2019]s$/.test(token.lower) || words[words.length - 1].text === '-');
    if (!NP_TAGS.has(token.pos) && !attached) break;
    words.push(token);
  }
  if (!words.some((token) => token.pos === 'NOUN' || token.pos === 'PROPN')) return null;
  const text = words.map((token) => token.text).join(' ').replace(/ - /g, '-').replace(/ (['\u2019]s)\b/g, '$1');
  const lower = words.map((token) => token.lower);
  const joined = lower.join(' ');
  const affiliations = new Set(
    [...AFFILIATIONS].filter(([name]) => (name.includes(' ') ? joined.includes(name) : lower.includes(name))).map(([, country]) => country),
  );
  const distinctive = new Set(words.filter((token) => token.pos !== 'DET' && !GENERIC_HEADS.has(token.lower)).map((token) => token.lemma));
  const nouns = words.filter((token) => token.pos === 'NOUN' || token.pos === 'PROPN');
  return { text, head: nouns[nouns.length - 1].lemma, affiliations, distinctive };
}

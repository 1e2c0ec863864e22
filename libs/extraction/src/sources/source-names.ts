import { UNNAMED_GROUPS } from '../rules/attribution-cues';
import { ORGANISATION_WORDS, PERSON_TITLES } from '../rules/entities';

/** The rules that say two source names across reports are one source, by name and version. */
export const SOURCE_ALIAS_RULES = { name: 'storyline-source-aliases', version: '1.0.0' } as const;

/** Which rule proposed an alias: a surname alone for the only full name with it; two phrasings of one anonymous group. */
export type SourceAliasRule = 'surname-of-unique-full-name' | 'same-anonymous-group';

export const SOURCE_ALIAS_SCORES: { readonly [R in SourceAliasRule]: number } = {
  'surname-of-unique-full-name': 0.8,
  'same-anonymous-group': 0.7,
};

/** How a source name reads once titles, case and punctuation are set aside. */
export type SourceNameShape =
  /** "Dr. Laura Mitchell": two or more capitalised words. */
  | { readonly kind: 'full-name'; readonly key: string; readonly surname: string }
  /** "Mitchell", "Dr. Mitchell": one capitalised word. */
  | { readonly kind: 'surname'; readonly key: string; readonly surname: string }
  /** "sources familiar with the talks": who they are not, and what they know (`group`). */
  | { readonly kind: 'anonymous'; readonly key: string; readonly group: string }
  /** "critics", "analysts": an unnamed group, never one source with anyone. */
  | { readonly kind: 'unnamed-group'; readonly key: string }
  | { readonly kind: 'other'; readonly key: string };

const ANONYMOUS =
  /^(?:(?:the|some|two|three|several|many|other|a|one)\s+)*(?:sources?|people|persons?|those|individuals?|officials?|insiders?|someone)\s+((?:familiar|close|briefed|with knowledge|knowledgeable|involved|aware)\b.*)$/;

/**
 * The key under which two spellings of a name are certainly the same source: case, accents
 * by compatibility (NFKC), punctuation, spacing and titles before the name ("Dr.", "Sen.")
 * set aside. "Dr. Laura Mitchell", "laura mitchell" and "Laura Mitchell," share one key;
 * "Mitchell" does not (that is a proposal, not a certainty).
 */
export function sourceNameKey(name: string): string {
  const words = wordsOf(name);
  while (words.length > 1 && HONORIFICS.has(words[0]) && !/^(?:of|the|for|and|to)$/.test(words[1]) && !ORGANISATION_WORDS.test(words.slice(1).join(' '))) words.shift();
  return words.join(' ');
}

/**
 * Titles that stand before a person's name and nothing else: set aside for the key. Not the
 * words that also begin other names ("General Motors", "St. Louis", "Chief Executive"), nor
 * before an office ("Justice Department", "Secretary of State").
 */
const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'sen', 'senator', 'rep', 'representative',
  'gov', 'governor', 'mayor', 'judge', 'justice', 'gen', 'col', 'colonel', 'lt', 'capt', 'captain', 'sgt', 'adm', 'admiral', 'maj',
  'rev', 'reverend', 'fr', 'rabbi', 'imam', 'sheikh', 'president', 'pres', 'pope', 'king', 'queen', 'prince', 'princess', 'hon',
]);

function wordsOf(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\u2019']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && word !== '-');
}

/**
 * What kind of name `name` is, for the alias rules (see {@link SourceNameShape}). `entityType`:
 * what the extractor took the name for, when it found it as an entity; a place or an
 * organisation is never a person's name ("Turkey", "the Treasury").
 */
export function sourceNameShape(name: string, entityType?: string): SourceNameShape {
  const key = sourceNameKey(name);
  const trimmed = name.trim();
  if (UNNAMED_GROUPS.test(trimmed) || UNNAMED_GROUPS.test(key)) return { kind: 'unnamed-group', key };
  const anonymous = ANONYMOUS.exec(key);
  if (anonymous) return { kind: 'anonymous', key, group: anonymous[1] };
  if (entityType === 'place' || entityType === 'organisation') return { kind: 'other', key };
  const written = trimmed.split(/\s+/).filter((word) => !PERSON_TITLES.has(wordsOf(word)[0] ?? ''));
  if (!written.every(isNameWord) || new Set(written.map((word) => word.toLowerCase())).size < written.length || ORGANISATION_WORDS.test(key)) return { kind: 'other', key };
  const words = key.split(' ');
  if (words.some((word) => PERSON_TITLES.has(word))) return { kind: 'other', key };
  if (words.length === 1) return { kind: 'surname', key, surname: key };
  if (words.length <= 4) return { kind: 'full-name', key, surname: words[words.length - 1] };
  return { kind: 'other', key };
}

const NAME_PARTICLES = /^(?:de|da|van|von|der|al|bin|el|la|le|di|du)$/;

/** A word of a person's name as written: capitalised, not in capitals throughout ("LIBYA", "US"), or a particle ("van"). */
function isNameWord(word: string): boolean {
  if (NAME_PARTICLES.test(word)) return true;
  if (!/^\p{Lu}/u.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length <= 1 || letters !== letters.toLocaleUpperCase('en');
}

/** A name the story already credits: its shape, and a fact that credits it (the evidence). */
export interface KnownSourceName {
  readonly name: string;
  readonly shape: SourceNameShape;
  readonly factId: string;
}

/** Two names a rule finds may be one source: `alias` (the less complete) to be read as `canonical`. */
export interface SourceAliasCandidate {
  readonly alias: KnownSourceName;
  readonly canonical: KnownSourceName;
  readonly rule: SourceAliasRule;
  readonly score: number;
}

/**
 * What a newly credited name may be an alias of, or be aliased by, among the names a story
 * already credits (keyed by {@link sourceNameKey}; a name with the same key is the same source
 * already and is not here). A surname alone ("Mitchell") and the one full name of the story
 * with that surname ("Dr. Laura Mitchell"), whichever came first; never when two full names
 * share the surname. Two phrasings of one anonymous group ("sources familiar with the talks",
 * "those familiar with the talks"). Unnamed groups ("critics") never. Deterministic: the
 * candidates come in the order of `known`.
 */
export function sourceAliasCandidates(added: KnownSourceName, known: readonly KnownSourceName[]): SourceAliasCandidate[] {
  const others = known.filter((name) => name.shape.key !== added.shape.key);
  const shape = added.shape;
  switch (shape.kind) {
    case 'surname': {
      const full = others.filter((name) => name.shape.kind === 'full-name' && name.shape.surname === shape.surname);
      return full.length === 1 ? [candidate(added, full[0], 'surname-of-unique-full-name')] : [];
    }
    case 'full-name': {
      const sameSurname = others.filter((name) => name.shape.kind === 'full-name' && name.shape.surname === shape.surname);
      if (sameSurname.length > 0) return [];
      return others.filter((name) => name.shape.kind === 'surname' && name.shape.surname === shape.surname).map((name) => candidate(name, added, 'surname-of-unique-full-name'));
    }
    case 'anonymous':
      return others.filter((name) => name.shape.kind === 'anonymous' && name.shape.group === shape.group).map((name) => candidate(added, name, 'same-anonymous-group'));
    case 'unnamed-group':
    case 'other':
      return [];
    default: {
      const unknown: never = shape;
      throw new Error(`unknown source name shape ${JSON.stringify(unknown)}`);
    }
  }
}

function candidate(alias: KnownSourceName, canonical: KnownSourceName, rule: SourceAliasRule): SourceAliasCandidate {
  return { alias, canonical, rule, score: SOURCE_ALIAS_SCORES[rule] };
}

import {
  DEMONYM,
  ENTITY_ALIASES,
  KNOWN_ORGANISATIONS,
  KNOWN_PLACES,
  ORGANISATION_WORDS,
  PERSON_TITLES,
} from '../rules/entities';
import type { EntityType } from '../types';

/** A proper-noun run before normalisation: its words and what they seem to name. */
export interface NameGuess {
  readonly type: EntityType | 'unknown';
  /** The name without titles or aliases resolved; persons are matched on their last word. */
  readonly name: string;
}

const bare = (word: string): string => word.toLowerCase().replace(/\.$/, '');

export function isTitle(word: string): boolean {
  return PERSON_TITLES.has(bare(word));
}

/** Whether a lone capitalised word is a nationality or region adjective ("Ukrainian", "Western"). */
export function isDemonym(word: string): boolean {
  return DEMONYM.test(word) && !KNOWN_PLACES.has(word.toLowerCase()) && !KNOWN_ORGANISATIONS.has(word.toLowerCase());
}

/** Decides what a run of capitalised words names, by titles, aliases, lists and shape. */
export function classifyName(words: readonly string[]): NameGuess {
  const lastTitle = lastTitleIndex(words);
  const titled = lastTitle >= 0;
  // "Washington Gov. Jay Inslee", "House Speaker Nancy Pelosi": the name follows the title.
  const core = titled ? words.slice(lastTitle + 1) : words;
  const joined = core.join(' ');
  const lower = joined.toLowerCase();
  const alias = ENTITY_ALIASES.get(lower);
  if (alias) return { type: typeOfKnown(alias.toLowerCase()) ?? 'organisation', name: alias };
  if (titled && core.length > 0) return { type: 'person', name: joined };
  const known = typeOfKnown(lower);
  if (known) return { type: known, name: joined };
  if (joined.startsWith('@')) return { type: 'other', name: joined };
  if (core.some((word) => ORGANISATION_WORDS.test(word))) return { type: 'organisation', name: joined };
  if (core.length === 1 && /^[A-Z]{2,6}$/.test(joined)) return { type: 'organisation', name: joined };
  if (core.length >= 2 && core.length <= 4 && core.every(looksLikeNamePart)) return { type: 'person', name: joined };
  return { type: 'unknown', name: joined };
}

function lastTitleIndex(words: readonly string[]): number {
  for (let index = words.length - 2; index >= 0; index -= 1) if (isTitle(words[index]) && /^\p{Lu}/u.test(words[index])) return index;
  return -1;
}

function typeOfKnown(lower: string): EntityType | undefined {
  if (KNOWN_PLACES.has(lower)) return 'place';
  if (KNOWN_ORGANISATIONS.has(lower)) return 'organisation';
  return undefined;
}

function looksLikeNamePart(word: string): boolean {
  return /^[\p{Lu}][\p{L}'\u2019-]*\.?$/u.test(word) || /^[\p{Lu}]\.$/u.test(word);
}

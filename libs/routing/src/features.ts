import { STOPWORDS } from './stopwords';
import type { ReportFeatures, Weighted } from './types';

/**
 * The parts of an extraction result the router reads. `libs/extraction`'s `ExtractionResult`
 * fits this shape; the router does not depend on that lib, so any extractor can feed it.
 */
export interface ExtractedReportLike {
  readonly publishedAt?: { readonly value: string } | null;
  readonly outlet?: { readonly value: string } | null;
  readonly entities: ReadonlyArray<{ readonly name: string; readonly mentions: ReadonlyArray<unknown> }>;
}

export interface FeatureInput {
  readonly reportId: string;
  /** The report's text: content words are counted in it. */
  readonly text: string;
  /** Extraction output; without it, capitalised word runs stand in for entities. */
  readonly extracted?: ExtractedReportLike | null;
  /** Publication instant when known to the caller; otherwise the extraction's. */
  readonly publishedAt?: string | null;
  /** Outlet when known to the caller; otherwise the extraction's. Its own name is left out. */
  readonly outlet?: string | null;
}

export interface FeatureLimits {
  readonly reportEntities: number;
  readonly reportTerms: number;
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const NAME_RUN = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:al|el|de|bin|ibn|van|von|der)[-\s]+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;

/**
 * Computes what the router compares: the report's entities (normalised: case, possessive
 * `'s`) and its most frequent content words. Pure and deterministic.
 */
export function reportFeatures(input: FeatureInput, limits: FeatureLimits): ReportFeatures {
  const entityCounts = new Map<string, number>();
  if (input.extracted) {
    for (const entity of input.extracted.entities) add(entityCounts, entityKey(entity.name), entity.mentions.length);
  } else {
    for (const name of capitalisedRuns(input.text)) add(entityCounts, entityKey(name), 1);
  }
  // An outlet names itself in every report it sends (datelines, credits): that says nothing
  // about the story, and would pull one outlet's reports together across stories.
  const outlet = entityKey(input.outlet ?? input.extracted?.outlet?.value ?? '');
  entityCounts.delete('');
  entityCounts.delete(outlet);
  const termCounts = new Map<string, number>();
  const lowered = input.text.normalize('NFC').toLowerCase();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lowered); match !== null; match = WORD.exec(lowered)) {
    const word = trimWord(match[0]);
    if (word.length >= 3 && !STOPWORDS.has(word) && word !== outlet) termCounts.set(word, (termCounts.get(word) ?? 0) + 1);
  }
  return {
    reportId: input.reportId,
    publishedAt: input.publishedAt ?? input.extracted?.publishedAt?.value ?? null,
    entities: heaviest(entityCounts, limits.reportEntities),
    terms: heaviest(termCounts, limits.reportTerms),
  };
}

/** `Moammar Gadhafi's` and `moammar gadhafi` are one entity. */
export function entityKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]s?$/u, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Drops a possessive or a trailing hyphen from an already lower-cased word. */
function trimWord(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last === 0x73 /* s */ && word.length > 2 && (word[word.length - 2] === "'" || word[word.length - 2] === '’')) return word.slice(0, -2);
  if (last === 0x27 || last === 0x2019 || last === 0x2d) return word.replace(/['’-]+$/u, '');
  return word;
}

/** Runs of capitalised words not opening a sentence, for text that arrives without extraction. */
function capitalisedRuns(text: string): string[] {
  const runs: string[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 3), match.index).trimEnd();
    const opensSentence = before.length === 0 || /[.!?:"“\n]$/u.test(before);
    const words = match[0].split(/\s+/);
    const kept = opensSentence ? words.slice(1) : words;
    const name = kept.filter((word, index) => index > 0 || !STOPWORDS.has(word.toLowerCase())).join(' ');
    if (name.length >= 2) runs.push(name);
  }
  return runs;
}

function add(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** The `limit` largest counts, ties by key, returned sorted by key. */
export function heaviest(counts: ReadonlyMap<string, number>, limit: number): Weighted[] {
  if (counts.size <= limit) return [...counts.entries()].sort((a, b) => compareKeys(a[0], b[0]));
  // Most of a long report's words share a few small counts: find the count at which the cut
  // falls, keep everything above it, and break the tie at the cut by key (no full sort).
  const above = [...counts.values()].sort((a, b) => b - a);
  const cut = above[limit - 1];
  const kept: Weighted[] = [];
  const atCut: string[] = [];
  for (const [key, count] of counts) {
    if (count > cut) kept.push([key, count]);
    else if (count === cut) atCut.push(key);
  }
  atCut.sort(compareKeys);
  for (const key of atCut.slice(0, limit - kept.length)) kept.push([key, cut]);
  return kept.sort((a, b) => compareKeys(a[0], b[0]));
}

/** Code-unit order, independent of the locale the process runs in. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

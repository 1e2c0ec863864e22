/**
 * Normalised wording of a statement: its content words (lower case, stop words out, a light
 * English suffix stripping so "strikes"/"struck" differ but "strikes"/"strike" agree) and its
 * entity names. Deterministic: the same statement always gives the same signature.
 */
export interface Signature {
  readonly words: ReadonlySet<string>;
  readonly entities: ReadonlySet<string>;
}

const STOP_WORDS = new Set(
  ('a an the and or but if then than that this these those there here of to in on at by for with from as into onto over under about ' +
    'after before during since until while is are was were be been being am has have had having do does did done will would shall ' +
    'should can could may might must not no nor so too very just also only its it it\'s he she they them his her their our we us you ' +
    'your i me my mine who whom whose which what when where why how all any both each few more most other some such own same ' +
    'said says say told tell according reported reportedly mr mrs ms dr up down out off again further once one two new').split(' '),
);

export function signatureOf(statement: string, entityNames: readonly string[] = []): Signature {
  const words = new Set<string>();
  for (const raw of statement.toLowerCase().normalize('NFKD').match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []) {
    const word = raw.replace(/'s$/, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    words.add(stem(word));
  }
  const entities = new Set(entityNames.map((name) => name.toLowerCase().trim()).filter((name) => name.length > 0));
  return { words, entities };
}

function stem(word: string): string {
  if (/^\d/.test(word)) return word;
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared;
}

const HASHES = 12;
const ROWS_PER_BAND = 2;

/**
 * Locality-sensitive keys of a word set (MinHash, 12 hashes in 6 bands of 2): two sets with
 * Jaccard similarity s share at least one key with probability 1 - (1 - s²)⁶ (0.98 at s = 0.6,
 * 0.73 at s = 0.4), so candidates are found through an index instead of comparing all pairs.
 */
export function minHashKeys(words: ReadonlySet<string>): string[] {
  if (words.size === 0) return [];
  const minima = new Array<number>(HASHES).fill(0xffffffff);
  for (const word of words) {
    for (let seed = 0; seed < HASHES; seed += 1) {
      const hash = fnv1a(word, seed);
      if (hash < minima[seed]) minima[seed] = hash;
    }
  }
  const keys: string[] = [];
  for (let band = 0; band < HASHES / ROWS_PER_BAND; band += 1) {
    keys.push(`m${band}:${minima.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND).join('.')}`);
  }
  return keys;
}

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

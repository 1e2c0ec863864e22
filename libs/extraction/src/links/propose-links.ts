import { personKey } from '../entities/normalise';
import { readRelation, type Counterpart, type Relation } from './relation';

/** A fact as stored for a report: only these fields are read. */
export interface LinkableFact {
  readonly id: string;
  readonly reportId: string;
  readonly statement: string;
  readonly entities?: readonly (string | { readonly name?: string; readonly text?: string; readonly type?: string })[];
  readonly modality?: string;
}

export type LinkCandidateKind = 'repeats' | 'corroborates' | 'contradicts';

/** A proposed typed link from a new fact to an earlier one, for an analyst to confirm. */
export interface LinkCandidate {
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: LinkCandidateKind;
  /** Confidence in [0, 1]. */
  readonly score: number;
  readonly reason: string;
}

/** Where a caller keeps statements already read (a Map, or an LRU for a long-lived reader). */
export interface RelationCache {
  get(statement: string): Relation | undefined;
  set(statement: string, relation: Relation): unknown;
}

function relationFor(statement: string, relations: RelationCache): Relation {
  const known = relations.get(statement) ?? readRelation(statement);
  relations.set(statement, known);
  return known;
}

/**
 * What an earlier fact must share with a new one for {@link proposeLinks} to link them: an
 * entity or actor ("e:…") or a content word ("w:…"). Every kind of link needs at least one
 * of these in common, so an index keyed by them finds every fact worth comparing.
 */
export function linkMatchKeys(fact: LinkableFact, relations: RelationCache = new Map()): string[] {
  const relation = relationFor(fact.statement, relations);
  return [...[...mergeEntities(relation.entities, fact).keys()].map((key) => `e:${key}`), ...[...relation.words].map((word) => `w:${word}`)];
}

const REPEAT_SIMILARITY = 0.8;
const CORROBORATION_SIMILARITY = 0.35;
const DENIAL_SIMILARITY = 0.5;
const MIN_SCORE = 0.3;

/**
 * Proposes links between facts of a new report and facts of earlier reports: repeats (near
 * identical wording), corroborates (same actor, same relation, same counterpart) and
 * contradicts (same actor and kind of relation, a different counterpart, or one side denying).
 * Pure and deterministic; facts of the same report are never linked.
 */
export function proposeLinks(newFacts: readonly LinkableFact[], earlierFacts: readonly LinkableFact[], relations: RelationCache = new Map()): LinkCandidate[] {
  const relationOf = (fact: LinkableFact) => relationFor(fact.statement, relations);
  const candidates: LinkCandidate[] = [];
  for (const from of newFacts) {
    for (const to of earlierFacts) {
      if (from.reportId === to.reportId || from.id === to.id) continue;
      const candidate = compare(from, relationOf(from), to, relationOf(to));
      if (candidate && candidate.score >= MIN_SCORE) candidates.push(candidate);
    }
  }
  return candidates.sort((a, b) => b.score - a.score || a.fromFactId.localeCompare(b.fromFactId) || a.toFactId.localeCompare(b.toFactId));
}

function compare(from: LinkableFact, a: Relation, to: LinkableFact, b: Relation): LinkCandidate | null {
  const link = (kind: LinkCandidateKind, score: number, reason: string): LinkCandidate => ({
    fromFactId: from.id,
    toFactId: to.id,
    kind,
    score: Math.round(Math.min(1, score) * 100) / 100,
    reason,
  });
  const similarity = jaccard(a.words, b.words);
  const denied = (from.modality === 'denial' || a.negated) !== (to.modality === 'denial' || b.negated);
  const actors = shared(a.actors, b.actors);
  const related = actors.length > 0 && a.kind !== null && a.kind === b.kind;
  if (denied && (related || similarity >= DENIAL_SIMILARITY)) {
    return link('contradicts', 0.7 + 0.2 * similarity, `${describe(actors, a, b)}, one side denies it`);
  }
  if (similarity >= REPEAT_SIMILARITY) return link('repeats', similarity, `near-identical wording (${Math.round(similarity * 100)}% shared words)`);
  if (from.modality === 'speculation' || to.modality === 'speculation') return null;
  if (related) return relate(link, a, b, actors, similarity);
  const entities = shared(mergeEntities(a.entities, from), mergeEntities(b.entities, to));
  if (entities.length >= 2 && similarity >= CORROBORATION_SIMILARITY) {
    return link('corroborates', similarity, `shared entities (${entities.join(', ')}), similar wording`);
  }
  return null;
}

function describe(actors: readonly string[], a: Relation, b: Relation): string {
  const who = actors.length ? `same actor (${actors.join(', ')})` : 'same wording';
  return a.kind && a.kind === b.kind ? `${who}, same relation (${a.kind}: ${a.word} / ${b.word})` : who;
}

function relate(
  link: (kind: LinkCandidateKind, score: number, reason: string) => LinkCandidate,
  a: Relation,
  b: Relation,
  actors: string[],
  similarity: number,
): LinkCandidate {
  const head = describe(actors, a, b);
  const counterparts = compareCounterparts(a.counterpart, b.counterpart);
  if (counterparts === 'different') {
    const strength = a.counterpart!.affiliations.size && b.counterpart!.affiliations.size ? 0.25 : 0.15;
    return link('contradicts', 0.6 + strength + 0.15 * similarity, `${head}, different counterpart (${a.counterpart!.text} vs ${b.counterpart!.text})`);
  }
  if (counterparts === 'same') return link('corroborates', 0.6 + 0.3 * similarity, `${head}, same counterpart (${a.counterpart!.text})`);
  return link('corroborates', 0.35 + 0.2 * similarity, `${head}, counterpart not comparable`);
}

// Counterparts differ when they stand for different countries, or when one kind of party
// ("official") carries different modifiers; anything less certain is not comparable.
function compareCounterparts(a: Counterpart | null, b: Counterpart | null): 'same' | 'different' | 'unknown' {
  if (!a || !b) return 'unknown';
  if (a.affiliations.size && b.affiliations.size) return overlaps(a.affiliations, b.affiliations) ? 'same' : 'different';
  if (a.affiliations.size || b.affiliations.size || a.head !== b.head) return 'unknown';
  return overlaps(a.distinctive, b.distinctive) ? 'same' : 'different';
}

function mergeEntities(parsed: ReadonlyMap<string, string>, fact: LinkableFact): Map<string, string> {
  const merged = new Map(parsed);
  for (const entity of fact.entities ?? []) {
    const name = typeof entity === 'string' ? entity : entity.name ?? entity.text;
    if (!name) continue;
    const person = typeof entity !== 'string' && entity.type === 'person';
    merged.set(person || name.split(/\s+/).length > 1 ? personKey(name) : name.toLowerCase(), name);
  }
  return merged;
}

function shared(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...a].filter(([key]) => b.has(key)).map(([, name]) => name);
}

function overlaps<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return [...a].some((item) => b.has(item));
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : [...a].filter((item) => b.has(item)).length / union;
}

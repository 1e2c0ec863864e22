import type { Frame } from '../attribution/frame';
import type { Token } from '../nlp/wink';
import { COMMENTARY_OPENERS, COPULAS, FIRST_PERSON, MAX_FACTS_PER_REPORT } from '../rules/claims';
import type { ExtractedFact } from '../types';

/** A candidate fact with what the selection reads about the sentence it came from. */
export interface Candidate {
  readonly fact: ExtractedFact;
  readonly frame: Frame;
  /** Tokens of the sentence outside its quotations: the report's own words. */
  readonly ownTokens: readonly Token[];
  /** The fact is a quotation in someone's words. */
  readonly quoted: boolean;
  /** The attribution names someone (not an unnamed group, not an anonymous source). */
  readonly named: boolean;
  /** Position of its sentence in the body, 0 for the lead. */
  readonly position: number;
}

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;

/**
 * Keeps the checkable claims of a report: who did or said what, to whom, when. Drops unquoted
 * questions, headings in capitals, first-person notes of the writer, unattributed speculation,
 * and commentary that names no one and nothing checkable; drops exact repeats; then keeps every
 * claim attributed to a named source and fills up to `MAX_FACTS_PER_REPORT` with the best-ranked
 * others (the lead, names, numbers and dates first), in text order.
 */
export function selectClaims(candidates: readonly Candidate[]): ExtractedFact[] {
  const seen = new Set<string>();
  const claims = candidates.filter((candidate) => {
    if (seen.has(candidate.fact.statement) || !isCheckable(candidate)) return false;
    seen.add(candidate.fact.statement);
    return true;
  });
  const total = candidates.length;
  const scored = claims.map((candidate, order) => ({ candidate, order, score: scoreOf(candidate, total) }));
  // What a named person or body is quoted or reported as saying is always kept: dropping it
  // would lose who said what. The other slots go to the best-ranked claims.
  const named = scored.filter(({ candidate }) => candidate.named);
  const others = scored
    .filter(({ candidate }) => !candidate.named)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(0, MAX_FACTS_PER_REPORT - named.length));
  return [...named, ...others].sort((a, b) => a.order - b.order).map(({ candidate }) => candidate.fact);
}

function isCheckable(candidate: Candidate): boolean {
  const { fact, frame, ownTokens, quoted } = candidate;
  if (!/\p{Ll}/u.test(fact.statement)) return false;
  if (quoted) return true;
  const attributed = frame.source !== null;
  if (/\?["\u201d'\u2019)]*$/.test(fact.statement)) return false;
  if (!attributed && ownTokens.some((token) => FIRST_PERSON.has(token.lower))) return false;
  if (!attributed && frame.cue === null && (COMMENTARY_OPENERS.test(fact.statement) || isEvaluative(ownTokens))) return false;
  // Who said it is itself checkable: an attributed claim stays, even when it names nothing.
  return attributed || hasHook(candidate);
}

// Something a checker can look up: a name, a number or a date in the claim itself, or an
// event told in the past tense ("the council voted"), not a present-tense musing.
function hasHook({ fact, ownTokens }: Candidate): boolean {
  const inside = fact.entities.some((entity) => entity.start >= fact.evidence.start && entity.end <= fact.evidence.end);
  const timed = fact.occurred !== undefined && fact.occurred.precision !== 'unknown';
  return inside || timed || ownTokens.some((token) => token.pos === 'NUM' || NUMBER.test(token.text) || isPastEvent(token));
}

function isPastEvent(token: Token): boolean {
  if (token.pos !== 'VERB' || COPULAS.has(token.lemma) || token.lower === token.lemma || /ing$/.test(token.lower)) return false;
  const lemma = token.lemma;
  return ![`${lemma}s`, `${lemma}es`, `${lemma.slice(0, -1)}ies`].includes(token.lower);
}

// "The implications ... are substantial": a copula and an adjective, and no verb of action.
function isEvaluative(tokens: readonly Token[]): boolean {
  const verbs = tokens.filter((token) => token.pos === 'VERB' || token.pos === 'AUX');
  const copular = verbs.length > 0 && verbs.every((token) => COPULAS.has(token.lemma) || token.pos === 'AUX');
  return copular && tokens.some((token) => token.pos === 'ADJ');
}

function scoreOf(candidate: Candidate, total: number): number {
  const { fact, frame, position } = candidate;
  const inside = new Set(
    fact.entities.filter((entity) => entity.start >= fact.evidence.start && entity.end <= fact.evidence.end).map((entity) => entity.name),
  );
  let score = Math.min(3, inside.size);
  if (candidate.named) score += 3;
  else if (frame.source) score += 1.5;
  else if (frame.cue) score += 1;
  if (fact.occurred && fact.occurred.precision !== 'unknown') score += 1;
  if (NUMBER.test(fact.statement)) score += 1;
  if (fact.modality === 'speculation') score -= 2;
  // News puts what matters first: the lead and the paragraphs after it weigh most.
  score += 2 * (1 - position / Math.max(1, total));
  if (position < 3) score += 1;
  return score;
}

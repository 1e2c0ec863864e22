import { invalid, isUuid } from '@storyline/story-events';

/** The `:fact` of `/facts/{fact}/...`: a fact id, lower-cased. */
export function factIdFromParam(fact: string): string {
  if (!isUuid(fact)) throw invalid('fact', `must be a fact id, got "${fact.slice(0, 60)}"`);
  return fact.toLowerCase();
}

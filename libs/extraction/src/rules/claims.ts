/** What makes a sentence a claim worth keeping, and how many a report keeps. */

/**
 * At most this many facts per report: the claims a reader would keep from one article. Reports
 * with more candidates keep the best-ranked (see `selectClaims`).
 */
export const MAX_FACTS_PER_REPORT = 15;

/** Words of the writer speaking for themselves ("we spoke with", "our view"), outside quotations. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['we', 'us', 'our', 'i', 'me', 'my']);

/** Verbs that only link a subject to a description ("is", "seems", "remains"). */
export const COPULAS: ReadonlySet<string> = new Set(['be', 'seem', 'appear', 'remain', 'become', 'look', 'sound', 'feel']);

/**
 * Openers of the writer's own framing rather than a report of what happened: "The implications
 * of ...", "From a geopolitical perspective", "It remains unclear".
 */
export const COMMENTARY_OPENERS =
  /^(?:(?:moreover|furthermore|however|still|conversely|ultimately|indeed|clearly|in short|in sum|in conclusion|overall),?\s+)?(?:the (?:implications?|significance|consequences?|stakes|question|answer|lesson|irony)\b|from an? [\p{L}-]+ (?:perspective|standpoint|point of view)\b|it (?:is|remains) (?:unclear|clear|crucial|important|essential|vital|worth noting|too early)\b|only time will tell\b|whether\b|what (?:is|remains) (?:clear|certain|unclear)\b)/iu;

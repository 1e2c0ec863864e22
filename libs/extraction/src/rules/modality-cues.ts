/**
 * Modality cues, checked in this order: denial, allegation, speculation, report.
 * A fact with none of them, no attribution and no quotation is asserted by the outlet itself.
 */

/** Lemmas of verbs that deny; their subject is the denier. */
export const DENIAL_VERBS: ReadonlySet<string> = new Set(['deny', 'refute', 'rebut', 'disavow', 'dispute']);

/** Phrases that deny a claim without a denial verb. */
export const DENIAL_PHRASES: readonly RegExp[] = [
  /\b(rejected|dismissed|rejects|dismisses)\s+(the\s+|these\s+|those\s+|such\s+)?(claims?|reports?|allegations?|accusations?|suggestions?|assertions?)\b/i,
  /\b(no|not a shred of)\s+truth\b/i,
  /\b(is|was|are|were)\s+(completely\s+|entirely\s+)?(false|untrue|fabricated|baseless)\b/i,
  /\bfake news\b/i,
];

export const ALLEGATION_WORDS = /\b(allegedly|alleged|purportedly|purported|supposedly|accused of|accuses|claims that|claimed that)\b/i;

/** Modal auxiliaries that make a statement a guess; skipped inside relative clauses ("proposals that would"). */
export const SPECULATIVE_MODALS: ReadonlySet<string> = new Set(['could', 'might', 'may', 'would']);

/** Modals that reported speech uses for the speaker's plain future or habit ("said it would"). */
export const BACKSHIFTED_MODALS: ReadonlySet<string> = new Set(['would']);

export const SPECULATIVE_WORDS = /\b(possibly|perhaps|potentially|probably|likely to|will likely|would likely|could well|it is possible|it's possible|maybe|conceivably|speculat\w*|(?:has|have|had) the potential to)\b/i;

export const REPORTED_WORDS = /\b(reportedly|according to|as reported by|reported by|is said to|are said to|was said to|were said to|is understood to|are understood to|is believed to|are believed to|sources (say|said|suggest)|it is reported|it was reported)\b/i;

/** Relative pronouns before a modal mark a relative clause, whose modal says nothing of the claim. */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['that', 'which', 'who']);

/**
 * Reports often state a claim first and attribute or date it in the next sentence through an
 * anaphoric subject ("This clandestine diplomacy ..., as reported by Politico"; "The reported
 * exchanges ... in recent months"). A sentence opening like this lends its attribution and its
 * time to the sentence before it, when that one has none of its own.
 */
export const ANAPHORIC_OPENER = /^(?:this|these|those|such|the\s+(?:reported|alleged|same|said|claimed|purported))\b/i;

/** How many earlier sentences a pronoun or a bare quotation may look back for its speaker. */
export const SPEAKER_LOOKBACK = 3;

/** How many paragraphs after "..., saying:" are taken as the speaker's words. */
export const BLOCK_QUOTE_PARAGRAPHS = 3;

/** "the governor said": role nouns and the titles that name a person in that role. */
export const ROLE_TITLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['senator', ['sen.', 'senator']], ['governor', ['gov.', 'governor']], ['president', ['president']],
  ['congressman', ['rep.', 'representative', 'congressman']], ['congresswoman', ['rep.', 'representative', 'congresswoman']],
  ['representative', ['rep.', 'representative']], ['mayor', ['mayor']], ['speaker', ['speaker']], ['sheriff', ['sheriff']],
  ['secretary', ['secretary', 'sec.']], ['justice', ['justice']], ['judge', ['judge']], ['minister', ['minister']],
  ['professor', ['prof.', 'professor', 'dr.']], ['ambassador', ['ambassador']], ['chancellor', ['chancellor']],
  ['general', ['gen.', 'general']], ['envoy', ['envoy']],
]);

/** The name and version of a rule set, as stored beside what it decided. */
export interface RulesVersion {
  readonly name: string;
  readonly version: string;
}

/**
 * The claims-grouping rules: the signature (content words, actors), the index keys, the
 * thresholds of `DEFAULT_GROUPING` and the occurred-day rule. Every claim member the read
 * model stores carries it, and /claims and /developments return it, so an answer says which
 * rules grouped it. Bump `version` whenever a change could place any fact in another claim or
 * give a claim another day (a threshold, a stop word, a key, the day rule); the members grouped
 * before keep the old version until `claims` is rebuilt, and the answers then say
 * `rebuildNeeded`. Changes to the key-developments ranking alone are read-time and need no bump.
 */
export const CLAIMS_RULES_VERSION: RulesVersion = { name: 'storyline-claims', version: '1.0.0' };

import { bestClaimFor, claimKeysOf, DEFAULT_GROUPING, type ClaimCandidate, type GroupingOptions } from './claim-index';
import type { ClaimJoin } from './types';

/** A claim as grouped in its home: the story whose stream its facts were reported in. */
export interface HomedClaim extends ClaimCandidate {
  readonly home: string;
}

/**
 * Claims are grouped within the story their facts were reported in. When a story's reports come
 * from several homes (stories merged into it, reports moved or routed into it from an inbox),
 * the same claim can stand once per home. This joins them as a fact joins a claim: a claim's
 * founding signature and day against the claims of other homes found under its index keys,
 * with {@link bestClaimFor}, in founding order (`sequence`). Claims of one home are never joined
 * here (the projection has decided those), and a group never takes a second claim from a home it
 * already holds. Answers, for each claim that joins another, the join: the claim it joins (which
 * itself joins none), the rule and the score. Deterministic for a given set of claims.
 */
export function joinAcrossHomes(claims: readonly HomedClaim[], options: GroupingOptions = DEFAULT_GROUPING): Map<string, ClaimJoin> {
  const joins = new Map<string, ClaimJoin>();
  if (new Set(claims.map((claim) => claim.home)).size < 2) return joins;
  const ordered = [...claims].sort((a, b) => (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : a.id.localeCompare(b.id)));
  const homesOf = new Map<string, Set<string>>();
  const byKey = new Map<string, HomedClaim[]>();
  for (const claim of ordered) {
    const keys = claimKeysOf(claim.signature);
    const candidates = new Map<string, HomedClaim>();
    for (const key of keys) {
      // The latest claims under each key, as the projection compares them.
      for (const candidate of (byKey.get(key) ?? []).slice(-options.candidatesPerKey)) {
        if (!homesOf.get(candidate.id)!.has(claim.home)) candidates.set(candidate.id, candidate);
      }
    }
    const join = bestClaimFor(claim.signature, claim.day, [...candidates.values()], options);
    if (join) {
      joins.set(claim.id, join);
      homesOf.get(join.claimId)!.add(claim.home);
      continue;
    }
    homesOf.set(claim.id, new Set([claim.home]));
    for (const key of keys) {
      const bucket = byKey.get(key);
      if (bucket) bucket.push(claim);
      else byKey.set(key, [claim]);
    }
  }
  return joins;
}

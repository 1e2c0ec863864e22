import type { InboxPolicy, RouterConfig } from './types';

/**
 * The router's identity, recorded with every decision. Changes whenever features, scoring or
 * `DEFAULT_ROUTER_CONFIG` change, since the same report may then be routed differently.
 */
export const ROUTER_VERSION = 'tfidf-centroid/1.0.0';

export const DEFAULT_ROUTER_CONFIG: RouterConfig = Object.freeze({
  newStoryBelow: 0.1,
  entityShare: 0.6,
  timeShare: 0.2,
  timeHalfLifeDays: 14,
  decay: 0.99,
  profileEntities: 200,
  profileTerms: 300,
  reportEntities: 40,
  reportTerms: 80,
  mergeCheckFrom: 2,
  idfExponent: 0.25,
  maxProposals: 3,
  maxVocabulary: 200_000,
});

/** An inbox's policy when it sets none: join at once only on a clear match. */
export const DEFAULT_INBOX_POLICY: InboxPolicy = Object.freeze({ autoJoinAt: 0.2, autoOpen: true, autoMergeAt: 0.5 });

/** A snapshot from another router version, a story id the router does not know, or a bad policy; names the field. */
export class RoutingError extends Error {
  constructor(
    readonly code: 'ROUTER.VERSION_MISMATCH' | 'SNAPSHOT.INVALID' | 'STORY.UNKNOWN' | 'POLICY.INVALID',
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'RoutingError';
  }
}

/** Refuses a policy that is not numbers and a boolean, naming the field. */
export function checkPolicy(policy: InboxPolicy): void {
  if (typeof policy.autoJoinAt !== 'number' || !Number.isFinite(policy.autoJoinAt) || policy.autoJoinAt < 0) {
    throw new RoutingError('POLICY.INVALID', 'autoJoinAt', 'must be a finite number at least 0 (above 1 never joins at once)');
  }
  if (typeof policy.autoMergeAt !== 'number' || !Number.isFinite(policy.autoMergeAt) || policy.autoMergeAt < 0) {
    throw new RoutingError('POLICY.INVALID', 'autoMergeAt', 'must be a finite number at least 0 (above 1 never merges at once)');
  }
  if (typeof policy.autoOpen !== 'boolean') throw new RoutingError('POLICY.INVALID', 'autoOpen', 'must be true or false');
}

export * from './types';
export {
  assembleClaim,
  bestClaimFor,
  ClaimIndex,
  claimKeysOf,
  DEFAULT_GROUPING,
  groupClaims,
  type ClaimCandidate,
  type GroupingOptions,
  type StoredMember,
} from './claim-index';
export { keyDevelopments, topDays, CLAIM_REPORTS, DEFAULT_DEVELOPMENTS, LATER_MENTIONS, type Ranking, type Development, type DevelopmentDay, type DevelopmentOptions, type KeyDevelopments } from './key-developments';
export { occurredDayOf } from './fact-day';
export { CLAIMS_RULES_VERSION, type RulesVersion } from './rules';
export { signatureOf, jaccard, type Signature } from './signature';
export { joinAcrossHomes, type HomedClaim } from './across-homes';

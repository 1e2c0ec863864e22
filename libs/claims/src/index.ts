export * from './types';
export { ClaimIndex, DEFAULT_GROUPING, groupClaims, type GroupingOptions } from './claim-index';
export { keyDevelopments, topDays, DEFAULT_DEVELOPMENTS, type Development, type DevelopmentDay, type DevelopmentOptions, type KeyDevelopments } from './key-developments';
export { occurredDayOf } from './fact-day';
export { signatureOf, jaccard, type Signature } from './signature';

export * from './types';
export { ExtractionInputError, MAX_TEXT_CHARS, type ExtractionInputErrorCode } from './errors';
export { EXTRACTOR, extractReport } from './extractor';
export { linkMatchKeys, proposeLinks, type RelationCache, type LinkableFact, type LinkCandidate, type LinkCandidateKind } from './links/propose-links';

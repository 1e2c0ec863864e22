export * from './types';
export { ExtractionInputError, MAX_TEXT_CHARS, type ExtractionInputErrorCode } from './errors';
export { EXTRACTOR, extractReport } from './extractor';
export { proposeLinks, type LinkableFact, type LinkCandidate, type LinkCandidateKind } from './links/propose-links';
export { closeExtractionPool, ExtractionPool, extractionPool, extractReportAsync, type ExtractionPoolOptions } from './pool/extraction-pool';

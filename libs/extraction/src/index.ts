export * from './types';
export { ExtractionInputError, MAX_TEXT_CHARS, type ExtractionInputErrorCode } from './errors';
export { EXTRACTOR, EXTRACTOR_VERSION, extractReport } from './extractor';
export { MAX_FACTS_PER_REPORT } from './rules/claims';
export { linkMatchKeys, proposeLinks, type RelationCache, type LinkableFact, type LinkCandidate, type LinkCandidateKind } from './links/propose-links';
export { closeExtractionPool, ExtractionPool, extractionPool, extractReportAsync, type ExtractionPoolOptions } from './pool/extraction-pool';
export { reportDayMentions, type ReportDayMention } from './time/report-days';
export {
  SOURCE_ALIAS_RULES,
  SOURCE_ALIAS_SCORES,
  sourceAliasCandidates,
  sourceNameKey,
  sourceNameShape,
  type KnownSourceName,
  type SourceAliasCandidate,
  type SourceAliasRule,
  type SourceNameShape,
} from './sources/source-names';

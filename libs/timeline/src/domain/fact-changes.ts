import { DomainError, invalid } from '@storyline/story-events';
import { LINK_KINDS, MODALITIES, VERDICTS, type FactChanges, type LinkKind, type StoryEvent, type Verdict } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { LIMITS, parseOccurred } from './report';
import { linkKey, type StoryState, type StoredFact } from './story';

/*
 * Changes to facts already reported: amendments, corrections, retractions, links and
 * verdicts. Each is a new event pointing at the fact; nothing is ever rewritten.
 */

const REASON = { max: 2_000 };
const CHANGE_FIELDS = ['statement', 'attributedTo', 'modality', 'occurred', 'evidence'];

export interface Amendment {
  readonly changes: FactChanges;
  readonly reason: string;
}
export interface Correction extends Amendment {
  readonly correctedAt: string;
  readonly reportId: string | null;
}
export interface Retraction {
  readonly reason: string;
  readonly retractedAt: string;
  readonly reportId: string | null;
}
export interface LinkRequest {
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: LinkKind;
  readonly reason: string | null;
}
export interface VerdictRequest {
  readonly verdict: Verdict;
  readonly reason: string;
}

function parseChanges(value: unknown): FactChanges {
  const input = read.object(value, 'changes');
  read.rejectUnknownKeys(input, CHANGE_FIELDS, 'changes');
  const changes: { -readonly [K in keyof FactChanges]: FactChanges[K] } = {};
  if (input.statement !== undefined) changes.statement = read.text(input.statement, 'changes.statement', { max: LIMITS.statementChars }).trim();
  if (input.attributedTo !== undefined) changes.attributedTo = read.optionalText(input.attributedTo, 'changes.attributedTo', { max: LIMITS.nameChars })?.trim() ?? null;
  if (input.modality !== undefined) changes.modality = read.oneOf(input.modality, 'changes.modality', MODALITIES);
  if (input.occurred !== undefined) changes.occurred = parseOccurred(input.occurred, 'changes.occurred');
  if (input.evidence !== undefined) {
    const evidence = read.object(input.evidence, 'changes.evidence');
    read.rejectUnknownKeys(evidence, ['start', 'end'], 'changes.evidence');
    changes.evidence = { start: read.integer(evidence.start, 'changes.evidence.start', 0, LIMITS.textChars), end: read.integer(evidence.end, 'changes.evidence.end', 0, LIMITS.textChars) };
  }
  if (Object.keys(changes).length === 0) throw invalid('changes', `must change at least one of ${CHANGE_FIELDS.join(', ')}`);
  return changes;
}

const reportRef = (value: unknown, field: string): string | null =>
  read.optionalText(value, field, { max: 36, pattern: /^[0-9a-f-]{36}$/i, patternHint: 'must be a report id' })?.toLowerCase() ?? null;

export function parseAmendment(body: unknown): Amendment {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['changes', 'reason'], '');
  return { changes: parseChanges(input.changes), reason: read.text(input.reason, 'reason', REASON).trim() };
}

export function parseCorrection(body: unknown): Correction {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['changes', 'reason', 'correctedAt', 'reportId'], '');
  return {
    changes: parseChanges(input.changes),
    reason: read.text(input.reason, 'reason', REASON).trim(),
    correctedAt: read.instant(input.correctedAt, 'correctedAt'),
    reportId: reportRef(input.reportId, 'reportId'),
  };
}

export function parseRetraction(body: unknown): Retraction {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['reason', 'retractedAt', 'reportId'], '');
  return {
    reason: read.text(input.reason, 'reason', REASON).trim(),
    retractedAt: read.instant(input.retractedAt, 'retractedAt'),
    reportId: reportRef(input.reportId, 'reportId'),
  };
}

export function parseLink(body: unknown): LinkRequest {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['fromFactId', 'toFactId', 'kind', 'reason'], '');
  const id = { max: 36, pattern: /^[0-9a-f-]{36}$/i, patternHint: 'must be a fact id' };
  return {
    fromFactId: read.text(input.fromFactId, 'fromFactId', id).toLowerCase(),
    toFactId: read.text(input.toFactId, 'toFactId', id).toLowerCase(),
    kind: read.oneOf(input.kind, 'kind', LINK_KINDS),
    reason: read.optionalText(input.reason, 'reason', REASON)?.trim() ?? null,
  };
}

export function parseVerdict(body: unknown): VerdictRequest {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['verdict', 'reason'], '');
  return { verdict: read.oneOf(input.verdict, 'verdict', VERDICTS), reason: read.text(input.reason, 'reason', REASON).trim() };
}

function liveFact(state: StoryState, factId: string, field = 'fact'): StoredFact {
  const fact = state.facts.get(factId);
  if (!fact) throw new DomainError('FACT.NOT_FOUND', `fact ${factId} is not in this story`, field);
  if (fact.retracted) throw new DomainError('FACT.RETRACTED', `fact ${factId} was retracted; record a new fact instead`, field);
  return fact;
}

function checkEvidence(state: StoryState, fact: StoredFact, changes: FactChanges): void {
  if (!changes.evidence) return;
  const length = state.reports.get(fact.reportId)?.textLength ?? 0;
  if (changes.evidence.end > length) throw invalid('changes.evidence.end', `must be at most ${length} (the report text's length), got ${changes.evidence.end}`);
  if (changes.evidence.end <= changes.evidence.start) throw invalid('changes.evidence.end', `must be greater than start (${changes.evidence.start})`);
}

function checkReport(state: StoryState, reportId: string | null): void {
  if (reportId !== null && !state.reports.has(reportId)) throw new DomainError('REPORT.NOT_FOUND', `report ${reportId} is not in this story`, 'reportId');
}

function notBeforeReport(state: StoryState, fact: StoredFact, at: string, field: string): void {
  const publishedAt = state.reports.get(fact.reportId)?.publishedAt;
  if (publishedAt && at < publishedAt) throw invalid(field, `must not be before the fact's report was published (${publishedAt})`);
}

export function decideAmendFact(state: StoryState, storyId: string, factId: string, amendment: Amendment): StoryEvent[] {
  const fact = liveFact(state, factId);
  checkEvidence(state, fact, amendment.changes);
  return [{ type: 'FactAmended', data: { storyId, factId, changes: amendment.changes, reason: amendment.reason } }];
}

export function decideCorrectFact(state: StoryState, storyId: string, factId: string, correction: Correction): StoryEvent[] {
  const fact = liveFact(state, factId);
  checkEvidence(state, fact, correction.changes);
  checkReport(state, correction.reportId);
  notBeforeReport(state, fact, correction.correctedAt, 'correctedAt');
  const { changes, reason, correctedAt, reportId } = correction;
  return [{ type: 'FactCorrected', data: { storyId, factId, changes, reason, correctedAt, reportId } }];
}

/** Retracting a retracted fact again changes nothing. */
export function decideRetractFact(state: StoryState, storyId: string, factId: string, retraction: Retraction): StoryEvent[] {
  const fact = state.facts.get(factId);
  if (!fact) throw new DomainError('FACT.NOT_FOUND', `fact ${factId} is not in this story`, 'fact');
  if (fact.retracted) return [];
  checkReport(state, retraction.reportId);
  notBeforeReport(state, fact, retraction.retractedAt, 'retractedAt');
  return [{ type: 'FactRetracted', data: { storyId, factId, ...retraction } }];
}

/** One link of a kind between two facts: asking again answers with the existing link. */
export function decideLinkFacts(state: StoryState, storyId: string, linkId: string, link: LinkRequest): { events: StoryEvent[]; linkId: string } {
  if (link.fromFactId === link.toFactId) throw invalid('toFactId', 'must be another fact than fromFactId');
  if (!state.facts.has(link.fromFactId)) throw new DomainError('FACT.NOT_FOUND', `fact ${link.fromFactId} is not in this story`, 'fromFactId');
  if (!state.facts.has(link.toFactId)) throw new DomainError('FACT.NOT_FOUND', `fact ${link.toFactId} is not in this story`, 'toFactId');
  const existing = state.links.get(linkKey(link.fromFactId, link.toFactId, link.kind));
  if (existing) return { events: [], linkId: existing };
  return { events: [{ type: 'FactsLinked', data: { storyId, linkId, ...link } }], linkId };
}

export function decideRecordVerdict(state: StoryState, storyId: string, factId: string, verdict: VerdictRequest): StoryEvent[] {
  if (!state.facts.has(factId)) throw new DomainError('FACT.NOT_FOUND', `fact ${factId} is not in this story`, 'fact');
  return [{ type: 'VerdictRecorded', data: { storyId, factId, ...verdict } }];
}

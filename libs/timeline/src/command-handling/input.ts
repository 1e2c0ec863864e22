import { invalid, MODALITIES, PRECISIONS, read, type FactChanges, type OccurredInterval } from '@storyline/story-events';

/*
 * Input rules more than one command's request shares: one set of limits for the API, the
 * CLI and the example loader.
 */

export const LIMITS = {
  textChars: 200_000,
  facts: 500,
  statementChars: 2_000,
  nameChars: 200,
  headlineChars: 500,
  urlChars: 2_000,
} as const;

/** The bounds of a free-text reason given with a change. */
export const REASON = { max: 2_000 };

export function parseOccurred(value: unknown, field: string): OccurredInterval | null {
  if (value === undefined || value === null) return null;
  const input = read.object(value, field);
  read.rejectUnknownKeys(input, ['from', 'to', 'precision'], field);
  const from = read.optionalInstant(input.from, `${field}.from`);
  const to = read.optionalInstant(input.to, `${field}.to`);
  const precision = read.oneOf(input.precision, `${field}.precision`, PRECISIONS);
  if (from && to && from > to) throw invalid(`${field}.to`, `must not be before from (${from})`);
  if (precision !== 'unknown' && !from && !to) throw invalid(`${field}.from`, `is required when precision is ${precision}`);
  return { from, to, precision };
}

const CHANGE_FIELDS = ['statement', 'attributedTo', 'modality', 'occurred', 'evidence'];

/** The `changes` of an amendment or a correction: at least one of a fact's fields. */
export function parseChanges(value: unknown): FactChanges {
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

/** An optional `reportId` naming the report that carried a correction or retraction. */
export const parseReportRef = (value: unknown, field: string): string | null =>
  read.optionalText(value, field, { max: 36, pattern: /^[0-9a-f-]{36}$/i, patternHint: 'must be a report id' })?.toLowerCase() ?? null;

import { isoTime, jsonObject, positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { FactLineage as FactLineageView } from './lineage.reader';
import { isUuid, VERDICTS } from '@storyline/story-events';
import { asOfQuery, LinkKind, TimelineEntry } from '../http/schema';

export const lineageParams = z.object({
  fact: z
    .string()
    .refine(isUuid, { error: (issue) => `must be a fact id, got "${String(issue.input).slice(0, 60)}"` })
    .meta({ format: 'uuid', description: "the fact's id" }),
});
export const lineageQuery = asOfQuery;

export const LineageStep = z
  .object({
    kind: z.enum(['reported', 'repeated', 'amended', 'corrected', 'retracted', 'linked', 'verdict']),
    at: isoTime.nullable().meta({ description: 'when it happened on the view clock' }),
    reportedAt: isoTime.nullable().optional(),
    recordedAt: isoTime,
    position: positionNumber,
    reportId: uuid.optional(),
    actor: z.string().optional(),
    reason: z.string().optional(),
    relatedFactId: uuid.optional(),
    linkKind: LinkKind.optional(),
    verdict: z.enum(VERDICTS as [string, ...string[]]).optional(),
    changes: jsonObject.optional().meta({ description: 'the fields an amendment or correction changed' }),
  })
  .meta({ id: 'LineageStep' });

export const FactLineage = z
  .object({ position: positionNumber, fact: TimelineEntry, steps: z.array(LineageStep) })
  .meta({ id: 'FactLineage', description: "one fact's history in order" });

export type FactLineageFits = Check<Fits<FactLineageView, typeof FactLineage>>;

import { integerParam, isoTime, jsonObject, positionNumber, uuid, z } from '@storyline/api-contract';
import { EVENT_TYPE, HASH, instantFilter, ISO_INSTANT, storyIdOf } from './params';
import type { Check, Fits } from '@storyline/api-contract';
import type { VerifyReport as VerifyReportView } from '../chain/verify-chain';

/* The audit area's parameters and answers; params.ts keeps the messages, schema.spec.ts the agreement. */

const position = z.string().regex(/^\d{1,15}$/);

/** An instant as the audit log reads it (kept as text: microseconds), calendar-checked by params.ts. */
const instant = z
  .string()
  .regex(ISO_INSTANT)
  .refine((value) => {
    try {
      instantFilter({ value }, 'value');
      return true;
    } catch {
      return false;
    }
  }, 'is not a real date')
  .meta({ format: 'date-time', example: '2025-11-27T00:00:00Z' });

export const verifyQuery = z.object({
  expectHead: z.string().regex(HASH).optional().meta({ description: 'a head hash kept elsewhere: the log must still contain it' }),
  expectHeadPosition: position.optional().meta({ description: 'the position kept with that hash', example: '42' }),
});

export const auditLogQuery = z.object({
  story: z.string().refine((ref) => storyIdOf(ref) !== null, 'must be a story id or slug').optional().meta({ description: 'story id or slug', example: 'witkoff-back-channel' }),
  actor: z.string().regex(/^[^\u0000]{1,200}$/).optional(),
  type: z.string().regex(EVENT_TYPE).optional().meta({ description: 'event type', example: 'FactReported' }),
  from: instant.optional().meta({ description: 'recorded at or after (ISO-8601)' }),
  to: instant.optional().meta({ description: 'recorded before (ISO-8601)' }),
  after: position.optional().meta({ description: 'events after this global position' }),
  limit: integerParam(1, 1000).optional().meta({ description: '1 to 1000 (default 100)', example: 100 }),
});

export const VerifyReport = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    headPosition: positionNumber,
    headHash: z.string(),
    firstBadPosition: positionNumber.optional(),
    problem: z.enum(['changed', 'missing', 'inserted', 'reordered', 'head-mismatch']).optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'VerifyReport', description: 'the hash chain over the whole log, checked' });

export const AuditLogEntry = z
  .object({
    position: positionNumber,
    eventId: uuid,
    streamId: z.string(),
    streamRevision: z.number().int(),
    type: z.string(),
    schemaVersion: z.number().int(),
    recordedAt: isoTime,
    actor: z.string().nullable(),
    correlationId: z.string().nullable(),
    causationId: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    data: jsonObject,
    metadata: jsonObject,
    hash: z.string(),
    prevHash: z.string(),
  })
  .meta({ id: 'AuditLogEntry' });

export const AuditLogPage = z
  .object({ events: z.array(AuditLogEntry), next: positionNumber.nullable().meta({ description: 'pass as `after`; null at the end' }) })
  .meta({ id: 'AuditLogPage' });

export const exportParams = z.object({ story: z.string().meta({ description: "the story's slug or id", example: 'witkoff-back-channel' }) });

export const StoryExport = z.string().meta({ description: 'NDJSON: a header line, one event a line with prevHash and hash, a trailer line' });

export type VerifyReportFits = Check<Fits<VerifyReportView, typeof VerifyReport>>;

import { ErrorModel, isoTime, jsonObject, positionNumber, uuid, z } from '@storyline/api-contract';
import { ROLES, type ApiKeySummary as ApiKeySummaryView, type CreatedApiKey as CreatedApiKeyView } from '@storyline/access';
import type { ProjectionsOverviewAnswer } from '@storyline/host';
import type { RebuildSnapshot as RebuildSnapshotView } from '@storyline/projections';
import type { Check, Fits } from '@storyline/api-contract';
import { isUuid } from '@storyline/story-events';

/*
 * The operations area's answers and bodies (health, metrics, keys, projections). The keys
 * body is still read by its hand-written parser (same messages); schema.spec.ts keeps them agreeing.
 */

const role = z.enum(ROLES as [string, ...string[]]);

export const createKeyBody = z.strictObject({
  name: z
    .string()
    .max(100)
    .regex(/^[^\u0000]*$/)
    .refine((name) => name.trim().length > 0, 'must not be empty')
    .meta({ example: 'newsroom dashboard' }),
  role: role.meta({ example: 'reader' }),
});

export const ApiKeySummary = z
  .object({ id: uuid, name: z.string(), role, createdAt: isoTime, createdBy: z.string(), revokedAt: isoTime.nullable() })
  .meta({ id: 'ApiKeySummary' });

export const CreatedApiKey = ApiKeySummary.extend({ secret: z.string().meta({ description: 'shown once, here; only its hash is stored' }) }).meta({ id: 'CreatedApiKey' });

export const ApiKeyList = z.object({ keys: z.array(ApiKeySummary) }).meta({ id: 'ApiKeyList' });

export const keyParams = z.object({ id: z.string().refine(isUuid, 'must be a key id').meta({ format: 'uuid', description: "the key's id" }) });

export const RevokedKey = z.object({ id: uuid, revoked: z.literal(true) }).meta({ id: 'RevokedKey' });

const TailIntegrity = z
  .object({
    status: z.enum(['ok', 'broken', 'unknown']),
    since: positionNumber,
    checkedUpTo: positionNumber,
    firstBadPosition: positionNumber.optional(),
    checkedAt: isoTime.nullable(),
  })
  .meta({ id: 'TailIntegrity', description: 'the last check of the log tail hash chain' });

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    head: positionNumber,
    projections: z.object({ status: z.string(), position: positionNumber, stuck: z.boolean() }),
    projector: z.enum(['inline', 'external']),
    leader: z.boolean(),
    integrity: TailIntegrity,
  })
  .meta({ id: 'Health' });

export const Liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

export const Readiness = z
  .object({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: z.record(z.string(), jsonObject).optional(),
    error: z.record(z.string(), jsonObject).optional(),
    details: z.record(z.string(), jsonObject),
  })
  .meta({ id: 'Readiness', description: 'Terminus report with database, projections and integrity' });

/** Not ready: the Terminus report, or ErrorModel when the database cannot be asked at all. */
export const NotReady = z.union([Readiness, ErrorModel]);

export const MetricsText = z.string().meta({ description: 'Prometheus text exposition format 0.0.4', example: 'storyline_log_head_position 42' });

const RebuildSnapshot = z
  .object({
    id: uuid,
    projections: z.array(z.string()),
    state: z.enum(['building', 'catching-up', 'swapping', 'done', 'failed']),
    position: positionNumber,
    head: positionNumber,
    percent: z.number(),
    eventsPerSecond: z.number(),
    etaSeconds: z.number().nullable(),
    startedAt: isoTime,
    finishedAt: isoTime.nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'RebuildSnapshot' });

export const ProjectionsOverview = z
  .object({
    head: positionNumber,
    projector: z.object({ mode: z.enum(['inline', 'external']), leader: z.boolean(), leaderPresent: z.boolean(), runner: z.enum(['idle', 'running', 'stopped', 'failed']) }),
    projections: z.array(
      z.object({
        name: z.string().meta({ example: 'timeline' }),
        checkpoint: positionNumber,
        lag: z.number().int(),
        status: z.string(),
        rebuild: RebuildSnapshot.nullable(),
        rebuildingElsewhere: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'ProjectionsOverview' });

export const projectionParams = z.object({ name: z.string().meta({ description: 'a projection name', example: 'timeline' }) });
export const rebuildParams = z.object({ id: uuid.meta({ description: 'the rebuild id' }) });
export const RebuildStarted = z.object({ rebuildId: uuid }).meta({ id: 'RebuildStarted' });
export { RebuildSnapshot };

export type KeysFit = Check<Fits<{ keys: ApiKeySummaryView[] }, typeof ApiKeyList>>;
export type CreatedKeyFits = Check<Fits<CreatedApiKeyView, typeof CreatedApiKey>>;
export type RebuildFits = Check<Fits<RebuildSnapshotView, typeof RebuildSnapshot>>;
export type ProjectionsFit = Check<Fits<ProjectionsOverviewAnswer, typeof ProjectionsOverview>>;

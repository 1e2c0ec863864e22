import { instantParam, isoTime, uuid, z } from '@storyline/api-contract';
import { LINK_KINDS, MODALITIES, PRECISIONS, VERDICTS } from '@storyline/story-events';

/*
 * Shapes shared by the read side's answers and parameters. The hand-written parsers in
 * as-of.ts keep the error messages; schema.spec.ts checks they agree with these schemas.
 */

export const storyParams = z.object({
  story: z.string().meta({ description: "the story's slug or id", example: 'witkoff-back-channel' }),
});

/** A log position in a query string (asOf's `atPosition`, replay's `after`). */
export const positionParam = z.string().regex(/^\d{1,15}$/);

export const asOfQuery = z.object({
  asOf: instantParam.optional().meta({ description: 'ISO-8601 date or instant: show only what was known by then on `clock`' }),
  clock: z.enum(['reported', 'recorded']).optional().meta({ description: 'which clock asOf filters on (default reported; only with asOf)' }),
  atPosition: positionParam.optional().meta({ description: 'reproduce the view at this global log position (from an earlier answer)', example: '42' }),
});

export const StorySummary = z
  .object({
    id: uuid,
    slug: z.string().meta({ example: 'witkoff-back-channel' }),
    title: z.string().meta({ example: 'Witkoff back-channel talks' }),
    mergedInto: uuid.optional().meta({ description: 'set when this story was merged: the story its reports went into' }),
    mergedFrom: z
      .object({ id: uuid, slug: z.string() })
      .optional()
      .meta({ description: 'set when the story was asked for by the id or slug of a story merged into it' }),
  })
  .meta({ id: 'StorySummary' });

export const Occurred = z
  .object({ from: isoTime.nullable(), to: isoTime.nullable(), precision: z.enum(PRECISIONS as [string, ...string[]]) })
  .meta({ id: 'Occurred', description: 'when it happened, as precisely as the report says' });

export const TimelineEntry = z
  .object({
    kind: z.enum(['report', 'fact']),
    id: uuid,
    reportId: uuid,
    source: z.string().meta({ description: "the outlet as its report spelled it, or 'unknown outlet'" }),
    reportedAt: isoTime.nullable(),
    recordedAt: isoTime,
    occurred: Occurred.optional(),
    statement: z.string().optional(),
    attributedTo: z.string().optional(),
    modality: z.enum(MODALITIES as [string, ...string[]]).optional(),
    evidence: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
    status: z.enum(['active', 'retracted']).optional(),
    corrected: z.boolean().optional(),
    verdict: z.enum(VERDICTS as [string, ...string[]]).optional(),
    headline: z.string().optional(),
    url: z.string().optional(),
  })
  .meta({ id: 'TimelineEntry', description: 'one report or fact on a story timeline; times are ISO-8601 UTC' });

export const LinkKind = z.enum(LINK_KINDS as [string, ...string[]]).meta({ id: 'LinkKind' });

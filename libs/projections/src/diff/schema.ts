import { instantParam, isoTime, positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { StoryDiff as StoryDiffView } from './diff.reader';
import { positionParam } from '../http/schema';

export const diffQuery = z.object({
  from: instantParam.meta({ description: 'ISO-8601 date or instant (exclusive)', example: '2025-11-20T00:00:00Z' }),
  to: instantParam.meta({ description: 'ISO-8601 date or instant (inclusive), after from', example: '2025-11-27T00:00:00Z' }),
  clock: z.enum(['reported', 'recorded']).optional().meta({ description: 'default reported' }),
  atPosition: positionParam.optional().meta({ description: 'the view at this global log position' }),
});

const DiffReport = z.object({ reportId: uuid, source: z.string(), reportedAt: isoTime.nullable() });
const diffFact = { factId: uuid, statement: z.string(), reports: z.array(DiffReport) };
const DiffFact = z.object({ ...diffFact, at: isoTime }).meta({ id: 'DiffFact' });

export const StoryDiff = z
  .object({
    from: isoTime,
    to: isoTime,
    clock: z.enum(['reported', 'recorded']),
    position: positionNumber,
    added: z.array(DiffFact),
    corrected: z.array(z.object({ ...diffFact, at: isoTime, before: z.string(), after: z.string(), reason: z.string() })),
    retracted: z.array(z.object({ ...diffFact, at: isoTime, reason: z.string() })),
    contradicted: z.array(z.object({ ...diffFact, at: isoTime, linkId: uuid, contradicts: z.object(diffFact), reason: z.string().optional() })),
  })
  .meta({ id: 'StoryDiff', description: 'what changed in a story between two instants on one clock' });

export type StoryDiffFits = Check<Fits<StoryDiffView, typeof StoryDiff>>;

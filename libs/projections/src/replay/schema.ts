import { integerParam, isoTime, jsonObject, oneOf, positionNumber, uuid, z } from '@storyline/api-contract';
import { StorySummary } from '../http/schema';

export const replayQuery = z.object({
  after: z.string().regex(/^(\d{1,15})?$/).optional().meta({ description: 'replay events after this global position (default 0)', example: '0' }),
  limit: integerParam(1, 1000).optional().meta({ description: '1 to 1000 events (default 100)', example: 100 }),
  state: oneOf(['summary', 'full', 'none']).optional().meta({ description: "the story's state after each event: summary (default, counts), none, or full (only with limit=1)" }),
});

export const replayStreamQuery = z.object({
  after: z.string().regex(/^(\d{1,15})?$/).optional().meta({ description: 'start after this position (or send Last-Event-ID)' }),
  state: z.enum(['summary', 'none']).optional(),
});

const ReplaySummary = z.object({
  title: z.string().nullable(),
  reports: z.number().int(),
  facts: z.number().int(),
  retracted: z.number().int(),
  corrected: z.number().int(),
  links: z.record(z.string(), z.number().int()),
  verdicts: z.record(z.string(), z.number().int()),
  outlets: z.array(z.string()),
});

export const ReplayStep = z
  .object({
    position: positionNumber,
    revision: z.number().int(),
    type: z.string().meta({ example: 'ReportIngested' }),
    schemaVersion: z.number().int(),
    recordedAt: isoTime,
    eventId: uuid,
    data: jsonObject,
    metadata: jsonObject.optional().meta({ description: 'who did it and how it was correlated (auditors and admins only)' }),
    state: z.union([ReplaySummary, jsonObject]).optional().meta({ description: "the story's state after the event: counts (summary) or the whole state (full)" }),
  })
  .meta({ id: 'ReplayStep' });

export const ReplayPage = z
  .object({
    story: StorySummary,
    events: z.array(ReplayStep),
    next: z.number().int().nullable().meta({ description: 'pass as `after` for the next page; null at the newest event' }),
    head: positionNumber,
  })
  .meta({ id: 'ReplayPage' });

/** The stream's body: server-sent events, one per ReplayStep (id = its position). */
export const ReplayEventStream = z.string().meta({ description: 'text/event-stream: `id: <position>`, `data: <ReplayStep as JSON>`' });

import { integerParam, positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { SourceLedgerView } from '../source-ledger/get-source-ledger.query';
import type { TimelineView } from './get-timeline.query';
import { asOfQuery, LinkKind, StorySummary, TimelineEntry } from '../http/schema';
import { DEFAULT_TIMELINE_PAGE, MAX_TIMELINE_PAGE } from './timeline-page';

export const timelineQuery = asOfQuery.extend({
  order: z.enum(['reported', 'occurred', 'recorded']).optional().meta({ description: 'reported (default), occurred or recorded' }),
  limit: integerParam(1, MAX_TIMELINE_PAGE)
    .optional()
    .meta({ description: `entries per page, 1 to ${MAX_TIMELINE_PAGE} (default ${DEFAULT_TIMELINE_PAGE})`, example: 100 }),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/).optional().meta({ description: "an earlier page's `next`: the following page of the same view, at the same position" }),
});

export const TimelineLink = z
  .object({ id: uuid, kind: LinkKind, fromFactId: uuid, toFactId: uuid, reason: z.string().optional() })
  .meta({ id: 'TimelineLink', description: 'a typed relation between two facts, so contradictions can be drawn' });

export const Timeline = z
  .object({
    story: StorySummary,
    position: positionNumber,
    entries: z.array(TimelineEntry),
    links: z.array(TimelineLink),
    total: z.number().int().meta({ description: 'entries in the whole view' }),
    next: z.string().nullable().meta({ description: 'the next page: pass as `cursor`; null on the last page' }),
  })
  .meta({ id: 'Timeline', description: 'a story timeline, paged' });

export const SourceLedger = z
  .object({
    story: StorySummary,
    position: positionNumber,
    sources: z.array(
      z.object({
        name: z.string().meta({ example: 'Politico' }),
        reports: z.array(z.object({ reportId: uuid, reportedAt: z.string().nullable() })),
        facts: z.array(z.object({ id: uuid, statement: z.string(), reportedAt: z.string().nullable(), first: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'SourceLedger', description: 'who reported what, when' });

export type TimelineFits = Check<Fits<TimelineView, typeof Timeline>>;
export type SourceLedgerFits = Check<Fits<SourceLedgerView, typeof SourceLedger>>;

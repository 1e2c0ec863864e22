import { isoTime, oneOf, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import { INBOX_STATUSES, type InboxPage } from './list-inbox.query';
import { INBOX_NAME } from './request';

export const inboxQuery = z.object({
  inbox: z
    .string()
    .max(80)
    .regex(new RegExp(`^(?:${INBOX_NAME.source.slice(1, -1)})?$`))
    .optional()
    .meta({ description: 'the inbox\'s name; default "default"', example: 'wires' }),
  status: oneOf([...INBOX_STATUSES, 'all']).optional().meta({ description: 'default waiting: the reports an analyst must answer' }),
  // Read as `Number(limit)`: a whole number from 1 to 200 (so " 50" and "5e1" pass too).
  limit: z
    .string()
    .refine((value) => Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 200, 'must be between 1 and 200')
    .optional()
    .meta({ type: 'integer', minimum: 1, maximum: 200, description: 'default 50' }),
  after: z.string().regex(/^\d{1,18}$/).optional().meta({ description: 'the `next` of the previous page' }),
});

const InboxProposal = z
  .object({
    storyId: uuid.nullable().meta({ description: 'null: a new story' }),
    slug: z.string().nullable(),
    title: z.string().nullable(),
    score: z.number().meta({ description: '0..1' }),
    reasons: z
      .object({
        sharedEntities: z.array(z.string()),
        sharedTerms: z.array(z.string()),
        entitySimilarity: z.number(),
        termSimilarity: z.number(),
        daysApart: z.number().nullable(),
      })
      .nullable()
      .meta({ description: 'why; null for a new story' }),
  })
  .meta({ id: 'InboxProposal' });

export const InboxReport = z
  .object({
    reportId: uuid,
    status: z.enum(INBOX_STATUSES),
    headline: z.string().nullable(),
    outlet: z.string().nullable(),
    publishedAt: isoTime.nullable(),
    storyId: uuid.nullable().meta({ description: 'the story it joined, opened or was accepted into' }),
    proposals: z.array(InboxProposal),
    routedBy: z.string().nullable(),
    threshold: z.number().nullable().meta({ description: "the inbox's threshold when it was routed" }),
  })
  .meta({ id: 'InboxReport' });

export const Inbox = z
  .object({
    inbox: z.string().meta({ example: 'default' }),
    inboxId: uuid,
    policy: z
      .object({ threshold: z.number().nullable(), autoOpen: z.boolean(), set: z.boolean() })
      .meta({ description: "the inbox's policy; the router's default when none was set" }),
    reports: z.array(InboxReport),
    next: z.string().nullable().meta({ description: 'pass as `after` for the next page; null on the last' }),
  })
  .meta({ id: 'Inbox' });

export type InboxFits = Check<Fits<InboxPage, typeof Inbox>>;

import { instantParam, isoTime, jsonObject, positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { Position } from '@storyline/story-events';
import type { FactChangedAnswer } from '../command-handling/fact-change';
import type { SourceAnswer } from '../command-handling/sources';
import type { FactsLinkedAnswer } from '../commands/link-facts/command';
import type { StoryOpenedAnswer } from '../commands/open-story/command';
import type { ProposalResolvedAnswer } from '../commands/resolve-link-proposal/command';
import { isUuid, LINK_KINDS, MODALITIES, PRECISIONS, SLUG, SOURCE_KINDS, VERDICTS } from '@storyline/story-events';
import { LIMITS, REASON } from '../command-handling/input';
import type { MembershipAnswer } from '../command-handling/membership';
import type { RoutingResolvedAnswer } from '../commands/resolve-routing/command';
import type { InboxPolicyAnswer } from '../commands/set-inbox-policy/command';
import type { AliasProposalResolvedAnswer } from '../commands/resolve-source-alias-proposal/command';
import { MAX_SPLIT_REPORTS } from '../commands/split-reports/request';
import { INBOX_NAME } from './inbox-ref';

/*
 * The write side's request bodies and answers, for the OpenAPI document. Bodies are still
 * checked by the domain's parsers (one set of rules and messages for API, CLI and loader);
 * schema.spec.ts checks schema and parser agree on good and bad inputs.
 */

/** Text as `read.text` takes it: no NUL, not blank, at most `max` UTF-16 units (before trimming). */
const text = (max: number, pattern?: RegExp) => {
  const checked = z
    .string()
    .max(max)
    .regex(/^[^\u0000]*$/)
    .refine((value) => value.trim().length > 0, 'must not be empty');
  return pattern ? checked.regex(pattern) : checked;
};

const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);
const READ_YOUR_WRITES = z
  .enum(['applied', 'timeout', 'projector-failed'])
  .meta({ description: 'whether the read models showed this write before the answer (also the Storyline-Read-Your-Writes header); the write is stored either way' });

export const WRITE_HEADERS = {
  ETag: { description: "the stream's revision after the write, for If-Match", schema: { type: 'string' } },
  'Storyline-Read-Your-Writes': { description: 'applied, timeout or projector-failed', schema: { type: 'string' } },
};

export const writeHeaders = z.object({
  'If-Match': z.string().optional().meta({ description: 'the stream revision (ETag) you last saw; 412 STORY.VERSION_STALE if it moved on', example: '"3"' }),
});

export const reportHeaders = writeHeaders.extend({
  'Idempotency-Key': z.string().optional().meta({ description: 'a retry with the same key answers with the first result (422 if the body differs)' }),
});

export const storyParams = z.object({ story: z.string().meta({ description: "the story's slug or id", example: 'witkoff-back-channel' }) });
export const factParams = z.object({ fact: uuid.meta({ description: "the fact's id" }) });
export const sourceParams = z.object({ source: z.string().meta({ description: "the source's id or name", example: 'Politico' }) });
export const proposalParams = storyParams.extend({ linkId: uuid.meta({ description: "the proposed link's id" }) });

export const openStoryBody = z.strictObject({
  slug: text(80, SLUG).meta({ example: 'witkoff-back-channel' }),
  title: text(200).meta({ example: 'Witkoff back-channel talks' }),
});

export const StoryOpened = z
  .object({ id: uuid, slug: z.string().meta({ example: 'witkoff-back-channel' }), readYourWrites: READ_YOUR_WRITES })
  .meta({ id: 'StoryOpened' });

const occurredBody = z.object({ from: instantParam.nullable().optional(), to: instantParam.nullable().optional(), precision: enumOf(PRECISIONS) });
const evidenceBody = z.object({
  start: z.number().int().min(0).optional().meta({ description: 'UTF-16 offset of the first character in the report text' }),
  end: z.number().int().min(0).optional().meta({ description: 'offset one past the last character' }),
  quote: z.string().optional().meta({ description: 'instead of offsets: text that occurs exactly once in the report' }),
});

const factBody = z.object({
  statement: z.string().min(1).max(LIMITS.statementChars),
  evidence: evidenceBody,
  attributedTo: z.string().nullable().optional().meta({ description: 'whom the report says said it; null for the outlet itself' }),
  modality: enumOf(MODALITIES).optional().meta({ description: 'default asserted' }),
  occurred: occurredBody.nullable().optional(),
});

/** A structured report (with facts), or a report as published (its text; the extractor finds the facts). */
export const reportBody = z.union([
  z.object({
    outlet: z.string().max(LIMITS.nameChars).meta({ example: 'Politico' }),
    publishedAt: instantParam.meta({ example: '2025-11-27T00:00:00Z' }),
    headline: z.string().max(LIMITS.headlineChars).optional(),
    byline: z.string().optional(),
    dateline: z.string().optional(),
    url: z.string().max(LIMITS.urlChars).optional(),
    text: z.string().max(LIMITS.textChars),
    facts: z.array(factBody).max(LIMITS.facts),
  }),
  z.strictObject({
    text: z.string().min(1).max(LIMITS.textChars),
    outlet: z.string().max(LIMITS.nameChars).optional(),
    publishedAt: instantParam.optional(),
    headline: z.string().max(LIMITS.headlineChars).optional(),
    url: z.string().max(LIMITS.urlChars).optional(),
  }),
]);

export const reportText = z.string().min(1).max(LIMITS.textChars).meta({ description: 'the report as published; the extractor finds its facts' });

/** With a text/plain body: what the text does not say for itself. */
export const reportTextQuery = z.object({
  outlet: z.string().max(LIMITS.nameChars).optional().meta({ description: 'text/plain only: the outlet (else found in the text)', example: 'Politico' }),
  publishedAt: instantParam.optional().meta({ description: 'text/plain only: when it was published (else found in the text)' }),
  headline: z.string().max(LIMITS.headlineChars).optional().meta({ description: 'text/plain only' }),
  url: z.string().max(LIMITS.urlChars).optional().meta({ description: 'text/plain only' }),
});

export const ReportIngested = z
  .object({
    reportId: uuid,
    factIds: z.array(uuid),
    position: positionNumber.meta({ description: "global log position of the report's last event" }),
    outlet: z.string().nullable().meta({ description: 'the outlet as given or found in the text; null when unknown' }),
    publishedAt: isoTime.nullable().meta({ description: 'publication time as given or found in the text; null when unknown' }),
    readYourWrites: READ_YOUR_WRITES,
    proposals: z.string().meta({ description: "where the links proposed between this report's facts and earlier ones appear, shortly after", example: '/stories/2b0c6f5e-8d5a-4c1e-9a55-3f1f7d2f0b11/link-proposals?status=proposed' }),
  })
  .meta({ id: 'ReportIngested' });

export const registerSourceBody = z.strictObject({
  name: z.string().min(1).max(LIMITS.nameChars).meta({ example: 'Politico' }),
  kind: enumOf(SOURCE_KINDS).optional().meta({ description: 'default other' }),
  aliases: z.array(z.string().min(1).max(LIMITS.nameChars)).optional().meta({ example: ['POLITICO', 'Politico Europe'] }),
});

export const addAliasBody = z.strictObject({ alias: text(200).meta({ example: 'Politico EU' }) });

export const Source = z
  .object({ id: uuid, name: z.string(), aliases: z.array(z.string()), position: positionNumber, readYourWrites: READ_YOUR_WRITES })
  .meta({ id: 'Source' });

const factChanges = z
  .object({
    statement: z.string().min(1).max(LIMITS.statementChars).optional(),
    attributedTo: z.string().nullable().optional(),
    modality: enumOf(MODALITIES).optional(),
    occurred: occurredBody.nullable().optional(),
    evidence: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).optional(),
  })
  .meta({ description: 'at least one of statement, attributedTo, modality, occurred, evidence {start, end}' });

const reason = text(REASON.max).meta({ example: 'the outlet corrected the date' });

export const amendmentBody = z.strictObject({ changes: factChanges, reason });
export const correctionBody = z.strictObject({ changes: factChanges, reason, correctedAt: instantParam, reportId: uuid.optional() });
export const retractionBody = z.strictObject({ reason, retractedAt: instantParam, reportId: uuid.optional() });
export const verdictBody = z.strictObject({ verdict: enumOf(VERDICTS), reason });

export const FactChanged = z
  .object({
    factId: uuid,
    storyId: uuid,
    position: positionNumber.meta({ description: 'the log position that shows the change (the earlier one when nothing changed)' }),
    changed: z.boolean().meta({ description: 'false when the fact already was as asked' }),
    readYourWrites: READ_YOUR_WRITES,
  })
  .meta({ id: 'FactChanged' });

export const linkFactsBody = z.strictObject({ fromFactId: uuid, toFactId: uuid, kind: enumOf(LINK_KINDS), reason: z.string().optional() });

export const FactsLinked = z
  .object({ linkId: uuid, position: positionNumber, created: z.boolean(), readYourWrites: READ_YOUR_WRITES })
  .meta({ id: 'FactsLinked' });

export const acceptProposalBody = z.strictObject({ reason: text(REASON.max).nullable().optional() });
export const rejectProposalBody = z.strictObject({ reason });

export const ProposalResolved = z
  .object({ linkId: uuid, decision: z.enum(['accepted', 'rejected']), position: positionNumber, changed: z.boolean(), readYourWrites: READ_YOUR_WRITES })
  .meta({ id: 'ProposalResolved' });

export const extractBody = z.strictObject({
  text: z.string().min(1).max(LIMITS.textChars),
  publishedAt: instantParam.optional(),
  outlet: z.string().max(LIMITS.nameChars).optional(),
});
export const extractText = z.string().min(1).max(LIMITS.textChars).meta({ description: 'the raw article text' });
export const extractTextQuery = reportTextQuery.pick({ outlet: true, publishedAt: true });

const finding = z.object({ value: z.string(), evidence: jsonObject.nullable() }).nullable();

export const Extraction = z
  .object({
    extractor: jsonObject.meta({ description: 'the rule set that found the facts (name, version)' }),
    outlet: finding,
    publishedAt: finding,
    dateline: finding,
    byline: finding,
    headline: finding,
    facts: z.array(
      z.object({
        statement: z.string(),
        evidence: jsonObject,
        modality: enumOf(MODALITIES),
        occurred: jsonObject.optional(),
        entities: z.array(jsonObject),
        attribution: jsonObject,
      }),
    ),
    entities: z.array(jsonObject),
  })
  .meta({ id: 'Extraction', description: 'what the extractor finds in a text; nothing is stored' });

/** What `POST /stories/{story}/reports` answers: its documented shape, the position still a `Position` until the HTTP edge. */
export type ReportAnswer = Omit<z.output<typeof ReportIngested>, 'position'> & { readonly position: Position };

/* What the controllers answer (a command's answer less `revision`, which the ETag carries) fits what the document says. */
export type StoryOpenedFits = Check<Fits<Pick<StoryOpenedAnswer, 'id' | 'slug' | 'readYourWrites'>, typeof StoryOpened>>;
export type SourceFits = Check<Fits<Omit<SourceAnswer, 'revision'>, typeof Source>>;
export type FactChangedFits = Check<Fits<Omit<FactChangedAnswer, 'revision'>, typeof FactChanged>>;
export type FactsLinkedFits = Check<Fits<Omit<FactsLinkedAnswer, 'revision'>, typeof FactsLinked>>;
export type ProposalResolvedFits = Check<Fits<Omit<ProposalResolvedAnswer, 'revision'>, typeof ProposalResolved>>;

/* Membership: merging, splitting, moving and renaming (the rules in command-handling/membership.ts). */

const membershipReason = text(REASON.max).meta({ description: 'why: kept with the event, with the actor', example: 'the same talks, reported twice' });
const storyRef = text(80)
  .refine((value) => isUuid(value) || SLUG.test(value), 'must be a story id or slug')
  .meta({ description: 'a story id or slug', example: 'witkoff-back-channel' });
const newSlug = text(80, SLUG).meta({ example: 'witkoff-back-channel' });
const newTitle = text(200).meta({ example: 'Witkoff back-channel talks' });

/** A uuid as the parsers check it (`isUuid`), documented as one. */
const checkedUuid = z.string().refine(isUuid, 'must be an id').meta({ format: 'uuid' });

export const reportParams = z.object({ report: uuid.meta({ description: "the report's id" }) });

export const mergeStoriesBody = z.strictObject({ into: storyRef.meta({ description: 'the story (id or slug) that takes its reports' }), reason: membershipReason });
export const splitReportsBody = z.strictObject({
  reports: z
    .array(checkedUuid)
    .min(1)
    .max(MAX_SPLIT_REPORTS)
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'names a report twice')
    .meta({ description: 'the reports to take out (no repeats)' }),
  slug: newSlug,
  title: newTitle,
  reason: membershipReason,
});
export const moveReportBody = z.strictObject({ to: storyRef.meta({ description: 'the story (id or slug) the report goes to' }), reason: membershipReason });
export const renameStoryBody = z
  .strictObject({ slug: newSlug.optional(), title: newTitle.optional(), reason: membershipReason })
  .refine((body) => body.slug !== undefined || body.title !== undefined, { message: 'give a new slug, a new title, or both', path: ['slug'] })
  .meta({ description: 'at least one of slug and title; the old slug keeps answering' });

const membershipFields = {
  storyId: uuid.meta({ description: 'the story whose stream took the event' }),
  changed: z.boolean().meta({ description: 'false when it already was so: nothing appended' }),
  position: positionNumber,
  readYourWrites: READ_YOUR_WRITES,
};

export const StoriesMerged = z.object({ ...membershipFields, intoStoryId: uuid }).meta({ id: 'StoriesMerged' });
export const ReportsSplit = z
  .object({ ...membershipFields, storyId: uuid.meta({ description: 'the new story' }), slug: z.string(), fromStoryId: uuid })
  .meta({ id: 'ReportsSplit' });
export const ReportMoved = z
  .object({ ...membershipFields, storyId: uuid.meta({ description: 'the story the report left' }), reportId: uuid, toStoryId: uuid })
  .meta({ id: 'ReportMoved' });
export const StoryRenamed = z.object({ ...membershipFields, slug: z.string() }).meta({ id: 'StoryRenamed' });

/* The inbox: reports sent without a story, and the analyst's answers to the router. */

/** As `parseInboxName` reads it: "" is the default inbox too. */
const inboxName = z
  .string()
  .max(80)
  .regex(new RegExp(`^(?:${INBOX_NAME.source.slice(1, -1)})?$`))
  .meta({ description: 'the inbox\'s name (lowercase letters, digits and single hyphens); default "default"', example: 'wires' });

export const inboxQuery = z.object({ inbox: inboxName.optional() });
/** In a body: absent, null or "" is the default inbox. */
const inboxField = inboxName
  .nullable()
  .optional()
  .meta({ description: 'the inbox\'s name (lowercase letters, digits and single hyphens); absent, null or "" the default inbox', example: 'wires' });
export const sendToInboxQuery = reportTextQuery.extend(inboxQuery.shape);

export const SentToInbox = z
  .object({
    reportId: uuid,
    inbox: z.string().meta({ example: 'default' }),
    inboxId: uuid,
    factIds: z.array(uuid),
    position: positionNumber.meta({ description: "global log position of the report's last event" }),
    outlet: z.string().nullable(),
    publishedAt: isoTime.nullable(),
    readYourWrites: READ_YOUR_WRITES,
    routing: z.string().meta({ description: "where the router's proposals for it appear", example: '/inbox?inbox=default' }),
  })
  .meta({ id: 'SentToInbox' });

export const acceptRoutingBody = z.strictObject({
  story: text(80).nullable().optional().meta({ description: 'a story id or slug, or "new"; default the first proposal' }),
  reason: text(2_000).nullable().optional(),
});
export const rejectRoutingBody = z.strictObject({ reason: text(2_000) });

export const RoutingResolved = z
  .object({
    reportId: uuid,
    decision: z.enum(['accepted', 'rejected']),
    storyId: uuid.nullable().meta({ description: 'the story the report went to; null when rejected' }),
    opened: z.boolean().meta({ description: 'true when a story was opened for the report' }),
    position: positionNumber,
    changed: z.boolean(),
    readYourWrites: READ_YOUR_WRITES,
  })
  .meta({ id: 'RoutingResolved' });

export const inboxPolicyBody = z.strictObject({
  inbox: inboxField,
  threshold: z.number().min(0).max(1).nullable().meta({ description: 'a best score at or above it joins at once; null never' }),
  autoOpen: z.boolean().optional().meta({ description: 'a report matching no story opens one at once (default true)' }),
});

export const InboxPolicy = z
  .object({ inbox: z.string(), threshold: z.number().nullable(), autoOpen: z.boolean(), position: positionNumber, changed: z.boolean(), readYourWrites: READ_YOUR_WRITES })
  .meta({ id: 'InboxPolicy' });

/* Source aliases proposed across reports. */

export const aliasProposalParams = storyParams.extend({ proposalId: uuid.meta({ description: "the proposal's id" }) });
export const acceptAliasBody = z.strictObject({
  reason: text(REASON.max).nullable().optional(),
  source: text(200).nullable().optional().meta({ description: "the registered source (id or name) to add the alias to; default the proposal's canonical name" }),
});
export const rejectAliasBody = z.strictObject({ reason });

export const AliasProposalResolved = z
  .object({
    proposalId: uuid,
    decision: z.enum(['accepted', 'rejected']),
    sourceId: uuid.nullable().meta({ description: 'accepted: the source the alias now belongs to' }),
    position: positionNumber,
    changed: z.boolean(),
    readYourWrites: READ_YOUR_WRITES,
  })
  .meta({ id: 'AliasProposalResolved' });

export type StoriesMergedFits = Check<Fits<Omit<MembershipAnswer & { intoStoryId: string }, 'revision'>, typeof StoriesMerged>>;
export type ReportsSplitFits = Check<Fits<Omit<MembershipAnswer & { slug: string; fromStoryId: string }, 'revision'>, typeof ReportsSplit>>;
export type ReportMovedFits = Check<Fits<Omit<MembershipAnswer & { reportId: string; toStoryId: string }, 'revision'>, typeof ReportMoved>>;
export type StoryRenamedFits = Check<Fits<Omit<MembershipAnswer & { slug: string }, 'revision'>, typeof StoryRenamed>>;
export type RoutingResolvedFits = Check<Fits<Omit<RoutingResolvedAnswer, 'revision'>, typeof RoutingResolved>>;
export type InboxPolicyFits = Check<Fits<Omit<InboxPolicyAnswer, 'revision'>, typeof InboxPolicy>>;
export type AliasProposalResolvedFits = Check<Fits<Omit<AliasProposalResolvedAnswer, 'revision'>, typeof AliasProposalResolved>>;

/** What `POST /reports` answers: its documented shape, the position still a `Position` until the HTTP edge. */
export type InboxReportAnswer = Omit<z.output<typeof SentToInbox>, 'position'> & { readonly position: Position };

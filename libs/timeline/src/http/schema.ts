import { instantParam, isoTime, jsonObject, positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { Position } from '@storyline/story-events';
import type { FactChangedAnswer } from '../command-handling/fact-change';
import type { SourceAnswer } from '../command-handling/sources';
import type { FactsLinkedAnswer } from '../commands/link-facts/command';
import type { StoryOpenedAnswer } from '../commands/open-story/command';
import type { ProposalResolvedAnswer } from '../commands/resolve-link-proposal/command';
import { LINK_KINDS, MODALITIES, PRECISIONS, SLUG, SOURCE_KINDS, VERDICTS } from '@storyline/story-events';
import { LIMITS, REASON } from '../command-handling/input';

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

import { positionNumber, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { ClaimsView, DevelopmentsView } from './get-claims.query';
import { StorySummary } from '../http/schema';

const RulesVersion = z
  .object({ name: z.string().meta({ example: 'storyline-claims' }), version: z.string().meta({ example: '1.0.0' }) })
  .meta({ id: 'ClaimsRules', description: 'the claims-grouping rule set, by name and version' });

const rulesFields = {
  rules: RulesVersion.meta({ description: 'the rules the server groups by now' }),
  rebuildNeeded: z.boolean().meta({ description: 'true when something in view was grouped by other rules: rebuild `claims`' }),
};

const ClaimReport = z.object({ reportId: uuid, outlet: z.string().meta({ example: 'Politico' }), reportedAt: z.string().nullable() }).meta({ id: 'ClaimReport' });

const ClaimMember = z.object({
  factId: uuid,
  reportId: uuid,
  outlet: z.string(),
  reportedAt: z.string().nullable(),
  role: z.enum(['first', 'repeats', 'corroborates']),
  rule: z.enum(['founds-claim', 'same-wording', 'same-actors-close-wording']),
  score: z.number(),
  statement: z.string(),
  extractor: z.string().nullable(),
  rules: RulesVersion,
});

export const Claim = z
  .object({
    id: uuid,
    statement: z.string(),
    occurred: z.object({ day: z.string().nullable(), rule: z.enum(['occurred-day', 'undated']) }),
    firstReport: ClaimReport,
    outlets: z.array(z.string()),
    reports: z.array(ClaimReport),
    members: z.array(ClaimMember),
    contradictedBy: z.array(uuid),
    rules: RulesVersion,
  })
  .meta({ id: 'Claim', description: 'facts from different reports stating the same thing' });

export const Claims = z.object({ story: StorySummary, position: positionNumber, ...rulesFields, claims: z.array(Claim) }).meta({ id: 'Claims' });

export const Development = z
  .object({
    claimId: uuid,
    day: z.string().meta({ example: '2025-11-27' }),
    dayRule: z.enum(['occurred-day', 'first-reported']),
    rank: z.number(),
    statement: z.string(),
    outlets: z.array(z.string()),
    outletCount: z.number().int(),
    reportCount: z.number().int(),
    firstReport: ClaimReport,
    reports: z.array(ClaimReport),
    contradictedBy: z.array(uuid),
    rules: RulesVersion,
  })
  .meta({ id: 'Development' });

const DevelopmentDay = z
  .object({
    day: z.string().meta({ example: '2025-11-27' }),
    rank: z.number(),
    score: z.number(),
    laterMentions: z.number().int().meta({ description: 'reports published a day or more later that name the day' }),
    claims: z.number().int(),
  })
  .meta({ id: 'DevelopmentDay' });

export const Developments = z
  .object({
    story: StorySummary,
    position: positionNumber,
    ...rulesFields,
    ranking: z.object({ name: z.enum(['later-mentions', 'claim-reports']), version: z.number().int() }).meta({ description: 'which ranking ordered the days' }),
    days: z.array(DevelopmentDay),
    developments: z.array(Development),
    background: z.array(z.string()),
    templates: z.array(z.string()),
  })
  .meta({ id: 'Developments', description: 'the story read as its key developments' });

export type ClaimsFits = Check<Fits<ClaimsView, typeof Claims>>;
export type DevelopmentsFits = Check<Fits<DevelopmentsView, typeof Developments>>;

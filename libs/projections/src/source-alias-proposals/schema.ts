import { oneOf, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { SourceAliasProposalView } from './list-source-alias-proposals.query';

export const ALIAS_PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const;

export const aliasProposalsQuery = z.object({ status: oneOf(ALIAS_PROPOSAL_STATUSES).optional().meta({ description: 'only proposals of this status' }) });

export const SourceAliasProposal = z
  .object({
    proposalId: uuid,
    alias: z.string().meta({ example: 'POLITICO' }),
    canonical: z.string().meta({ example: 'Politico' }),
    rule: z.string(),
    rules: z.string().meta({ description: 'the rule set, as "name version"' }),
    score: z.number(),
    evidenceFactIds: z.array(uuid),
    status: z.enum(ALIAS_PROPOSAL_STATUSES),
  })
  .meta({ id: 'SourceAliasProposal' });

export const SourceAliasProposals = z.object({ proposals: z.array(SourceAliasProposal).meta({ description: 'in the order proposed' }) }).meta({ id: 'SourceAliasProposals' });

export type SourceAliasProposalsFits = Check<Fits<{ proposals: SourceAliasProposalView[] }, typeof SourceAliasProposals>>;

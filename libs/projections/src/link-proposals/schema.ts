import { oneOf, uuid, z, type Check, type Fits } from '@storyline/api-contract';
import type { LinkProposalView } from './list-link-proposals.query';

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const;

export const linkProposalsQuery = z.object({ status: oneOf(PROPOSAL_STATUSES).optional().meta({ description: 'only proposals of this status' }) });

export const LinkProposal = z
  .object({ linkId: uuid, fromFactId: uuid, toFactId: uuid, kind: z.enum(['repeats', 'corroborates', 'contradicts']), reason: z.string(), status: z.enum(PROPOSAL_STATUSES) })
  .meta({ id: 'LinkProposal' });

export const LinkProposals = z.object({ proposals: z.array(LinkProposal).meta({ description: 'the best first' }) }).meta({ id: 'LinkProposals' });

export type LinkProposalsFits = Check<Fits<{ proposals: LinkProposalView[] }, typeof LinkProposals>>;

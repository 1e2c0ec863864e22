import { invalid, isUuid, read } from '@storyline/story-events';
import { REASON } from '../../command-handling/input';

export type ProposalDecision = 'accepted' | 'rejected';

/** The body of an accept (reason optional) or a reject (reason required). */
export function parseResolution(body: unknown, decision: ProposalDecision): { reason: string | null } {
  const input = body === undefined || body === null ? {} : read.object(body, '');
  read.rejectUnknownKeys(input, ['reason'], '');
  if (decision === 'rejected') return { reason: read.text(input.reason, 'reason', REASON).trim() };
  return { reason: read.optionalText(input.reason, 'reason', REASON)?.trim() ?? null };
}

/** The `:linkId` of `/stories/{story}/link-proposals/{linkId}/...`. */
export function proposalIdFromParam(linkId: string): string {
  if (!isUuid(linkId)) throw invalid('linkId', `must be a proposal id, got "${linkId.slice(0, 60)}"`);
  return linkId.toLowerCase();
}

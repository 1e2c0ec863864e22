import { invalid, isUuid, normaliseSourceName, read, sourceIdForName } from '@storyline/story-events';
import { REASON } from '../../command-handling/input';

export type AliasProposalDecision = 'accepted' | 'rejected';

export interface AliasResolutionRequest {
  readonly reason: string | null;
  /** Accepting only: the registered source (id or name) to add the alias to; by default the source named as the proposal's canonical name. */
  readonly sourceId: string | null;
}

/** The body of an accept (`reason`, `source` optional) or a reject (`reason` required). */
export function parseAliasResolution(body: unknown, decision: AliasProposalDecision): AliasResolutionRequest {
  const input = body === undefined || body === null ? {} : read.object(body, '');
  if (decision === 'rejected') {
    read.rejectUnknownKeys(input, ['reason'], '');
    return { reason: read.text(input.reason, 'reason', REASON).trim(), sourceId: null };
  }
  read.rejectUnknownKeys(input, ['reason', 'source'], '');
  const source = read.optionalText(input.source, 'source', { max: 200 })?.trim();
  return { reason: read.optionalText(input.reason, 'reason', REASON)?.trim() ?? null, sourceId: source ? sourceIdOf(source) : null };
}

/** A source given by id or by its registered name, as `/sources/{source}/aliases` takes it. */
function sourceIdOf(source: string): string {
  return isUuid(source) ? source.toLowerCase() : sourceIdForName(normaliseSourceName(source));
}

/** The `:proposalId` of `/stories/{story}/source-alias-proposals/{proposalId}/...`. */
export function aliasProposalIdFromParam(proposalId: string): string {
  if (!isUuid(proposalId)) throw invalid('proposalId', `must be a proposal id, got "${proposalId.slice(0, 60)}"`);
  return proposalId.toLowerCase();
}

import type { Decision } from '../../command-handling/decider';
import type { InboxState, InboxStreamEvent } from '../../command-handling/inbox-state';
import type { SetInboxPolicy } from './request';

/** Above any score the router gives: a threshold of null is recorded as this ("never at once"). */
export const NEVER_JOIN = 2;

/** Records the inbox's policy; the same policy again changes nothing. */
export function decideSetInboxPolicy(state: InboxState, command: SetInboxPolicy): Decision<InboxStreamEvent, { changed: boolean }> {
  const autoJoinAt = command.threshold ?? NEVER_JOIN;
  if (state.policy?.autoJoinAt === autoJoinAt && state.policy.autoOpen === command.autoOpen) return { events: [], outcome: { changed: false } };
  return {
    events: [{ type: 'InboxPolicySet', data: { inboxId: command.inboxId, name: command.name, autoJoinAt, autoOpen: command.autoOpen } }],
    outcome: { changed: true },
  };
}

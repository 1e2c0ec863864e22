import type { Decision, DecisionContext } from '../../../command-handling/decider';
import type { InboxState, InboxStreamEvent } from '../../../command-handling/inbox-state';
import { decideIngestReport } from '../decide';
import type { SendToInbox, SentToInbox } from './request';

/**
 * Stores a report in an inbox exactly as a story stores one (its `storyId` is the inbox's id),
 * recognising a retry or the same text from the same outlet. Routing it is the read side's
 * job: the router reacts to the stored report.
 */
export function decideSendToInbox(state: InboxState, command: SendToInbox, context: DecisionContext): Decision<InboxStreamEvent, SentToInbox> {
  return decideIngestReport(state.reports, { storyId: command.inboxId, report: command.report, fingerprint: command.fingerprint }, context);
}

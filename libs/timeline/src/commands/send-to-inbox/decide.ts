import { decideIngestReport } from '../../domain/story';
import type { InboxDecision, InboxDecisionContext, InboxState } from '../../command-handling/inbox-state';
import type { SendToInbox, SentToInbox } from './request';

/**
 * Stores a report in an inbox exactly as a story stores one (its `storyId` is the inbox's id),
 * recognising a retry or the same text from the same outlet. Routing it is the read side's
 * job: the router reacts to the stored report.
 */
export function decideSendToInbox(state: InboxState, command: SendToInbox, context: InboxDecisionContext): InboxDecision<SentToInbox> {
  const reportId = context.newId();
  const factIds = command.report.facts.map(() => context.newId());
  const decision = decideIngestReport(state.reports, {
    storyId: command.inboxId,
    reportId,
    factIds,
    report: command.report,
    idempotencyKey: context.idempotencyKey,
    fingerprint: command.fingerprint,
  });
  if (decision.kind === 'duplicate') return { events: [], outcome: { reportId: decision.reportId, factIds: decision.factIds, created: false, position: decision.position } };
  return { events: decision.events, outcome: { reportId, factIds, created: true, position: 0n } };
}

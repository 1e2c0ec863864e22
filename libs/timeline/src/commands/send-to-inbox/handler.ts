import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { inboxStream, newId, positionToJson } from '@storyline/story-events';
import type { CommandContext } from '../../command-handling/command-context';
import { inboxFold } from '../../command-handling/inbox-state';
import { decideOnStream } from '../../command-handling/stream-decider';
import { submissionFingerprint, type ReportSubmission } from '../../domain/report';
import { writtenRevisionToJson, type WriteOutcome } from '../../http/write-outcome';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { decideSendToInbox } from './decide';

export interface SentToInboxAnswer extends WriteOutcome {
  readonly reportId: string;
  readonly factIds: readonly string[];
  readonly position: number;
  readonly created: boolean;
}

export class SendToInboxCommand extends Command<SentToInboxAnswer> {
  constructor(
    readonly inboxId: string,
    readonly report: ReportSubmission,
    readonly context: CommandContext,
    /** Stored with each event of the report: which extractor found the facts, if one did. */
    readonly metadata: Record<string, unknown> = {},
  ) {
    super();
  }
}

@CommandHandler(SendToInboxCommand)
export class SendToInboxHandler implements ICommandHandler<SendToInboxCommand, SentToInboxAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ inboxId, report, context, metadata }: SendToInboxCommand): Promise<SentToInboxAnswer> {
    const fingerprint = submissionFingerprint(report);
    const { result, revision } = await decideOnStream(this.store, inboxStream(inboxId), inboxFold, context, (state) => {
      const { events, outcome } = decideSendToInbox(state, { inboxId, report, fingerprint }, { idempotencyKey: context.idempotencyKey, newId });
      return {
        events,
        metadata: { ...metadata, requestFingerprint: fingerprint },
        result: (appended) => ({ reportId: outcome.reportId, factIds: outcome.factIds, created: outcome.created, position: positionToJson(appended?.position ?? outcome.position) }),
      };
    });
    const readYourWrites = await this.readModels.waitFor(BigInt(result.position));
    return { ...result, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

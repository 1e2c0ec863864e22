import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { inboxStream } from '@storyline/story-events';
import { inboxFold } from '../../../command-handling/inbox-state';
import { runCommand } from '../../../command-handling/run-command';

import { READ_MODEL_SYNC, type ReadModelSync } from '../../../read-model-sync';
import { submissionFingerprint } from '../submission';
import { SendToInboxCommand, type SentToInboxAnswer } from './command';
import { decideSendToInbox } from './decide';

@CommandHandler(SendToInboxCommand)
export class SendToInboxHandler implements ICommandHandler<SendToInboxCommand, SentToInboxAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ inboxId, report, context, metadata }: SendToInboxCommand): Promise<SentToInboxAnswer> {
    const fingerprint = submissionFingerprint(report);
    const { result, appended, revision } = await runCommand(this.store, inboxStream(inboxId), inboxFold, context, decideSendToInbox, { inboxId, report, fingerprint }, {
      ...metadata,
      requestFingerprint: fingerprint,
    });
    const position = result.created ? (appended?.position ?? 0n) : result.position;
    // The router reacts to the report in the same pass as the read models, appending its
    // decision (and the move into a story) before that pass commits; waiting for the head
    // after that lets the answer's reads show the report where the router put it.
    let readYourWrites = await this.readModels.waitFor(position);
    if (result.created && readYourWrites === 'applied') readYourWrites = await this.readModels.waitFor(await this.store.headPosition());
    return { reportId: result.reportId, factIds: result.factIds, position, created: result.created, revision: revision, readYourWrites };
  }
}

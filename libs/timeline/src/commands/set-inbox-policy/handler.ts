import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { inboxStream } from '@storyline/story-events';
import { inboxFold } from '../../command-handling/inbox-state';
import { runCommand } from '../../command-handling/run-command';

import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { SetInboxPolicyCommand, type InboxPolicyAnswer } from './command';
import { decideSetInboxPolicy } from './decide';

@CommandHandler(SetInboxPolicyCommand)
export class SetInboxPolicyHandler implements ICommandHandler<SetInboxPolicyCommand, InboxPolicyAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ policy, context }: SetInboxPolicyCommand): Promise<InboxPolicyAnswer> {
    const { result, lastPosition, revision } = await runCommand(this.store, inboxStream(policy.inboxId), inboxFold, context, decideSetInboxPolicy, policy);
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    const { name, threshold, autoOpen } = policy;
    return { inbox: name, threshold, autoOpen, position: lastPosition, changed: result.changed, revision: revision, readYourWrites };
  }
}

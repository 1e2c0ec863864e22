import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { inboxStream, positionToJson } from '@storyline/story-events';
import type { CommandContext } from '../../command-handling/command-context';
import { inboxFold } from '../../command-handling/inbox-state';
import { decideOnStream } from '../../command-handling/stream-decider';
import { writtenRevisionToJson, type WriteOutcome } from '../../http/write-outcome';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { decideSetInboxPolicy } from './decide';
import type { SetInboxPolicy } from './request';

export interface InboxPolicyAnswer extends WriteOutcome {
  readonly inbox: string;
  readonly threshold: number | null;
  readonly autoOpen: boolean;
  readonly position: number;
  readonly changed: boolean;
}

export class SetInboxPolicyCommand extends Command<InboxPolicyAnswer> {
  constructor(
    readonly policy: SetInboxPolicy,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SetInboxPolicyCommand)
export class SetInboxPolicyHandler implements ICommandHandler<SetInboxPolicyCommand, InboxPolicyAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ policy, context }: SetInboxPolicyCommand): Promise<InboxPolicyAnswer> {
    const { result, lastPosition, revision } = await decideOnStream(this.store, inboxStream(policy.inboxId), inboxFold, context, (state) => {
      const { events, outcome } = decideSetInboxPolicy(state, policy);
      return { events, result: () => outcome };
    });
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    const { name, threshold, autoOpen } = policy;
    return { inbox: name, threshold, autoOpen, position: positionToJson(lastPosition), changed: result.changed, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

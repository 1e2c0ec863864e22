import type { Position } from '@storyline/story-events';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { WriteOutcome } from '../../http/write-outcome';
import type { SetInboxPolicy } from './request';

export interface InboxPolicyAnswer extends WriteOutcome {
  readonly inbox: string;
  readonly threshold: number | null;
  readonly autoOpen: boolean;
  readonly position: Position;
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

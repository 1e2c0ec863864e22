import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { WriteOutcome } from '../../http/write-outcome';

/** What every membership write answers: the story written, whether anything changed, and where. */
export interface MembershipAnswer extends WriteOutcome {
  /** The story whose stream took the event (the merged, renamed or new story; the one a report left). */
  readonly storyId: string;
  readonly changed: boolean;
  readonly position: number;
}

export class MergeStoriesCommand extends Command<MembershipAnswer & { intoStoryId: string }> {
  constructor(
    readonly story: string,
    readonly into: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

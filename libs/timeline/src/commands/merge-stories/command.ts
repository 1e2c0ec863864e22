import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { MembershipAnswer } from '../../command-handling/membership';

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

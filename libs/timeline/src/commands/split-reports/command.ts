import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { MembershipAnswer } from '../../command-handling/membership';

export class SplitReportsCommand extends Command<MembershipAnswer & { slug: string; fromStoryId: string }> {
  constructor(
    readonly story: string,
    readonly reportIds: readonly string[],
    readonly slug: string,
    readonly title: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { MembershipAnswer } from '../../command-handling/membership';

export class RenameStoryCommand extends Command<MembershipAnswer & { slug: string }> {
  constructor(
    readonly story: string,
    readonly slug: string | null,
    readonly title: string | null,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

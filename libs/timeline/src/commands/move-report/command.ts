import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { MembershipAnswer } from '../../command-handling/membership';

export class MoveReportCommand extends Command<MembershipAnswer & { reportId: string; toStoryId: string }> {
  constructor(
    readonly reportId: string,
    readonly to: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

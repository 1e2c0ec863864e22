import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { SourceAnswer } from '../../command-handling/sources';

export class AddSourceAliasCommand extends Command<SourceAnswer> {
  constructor(
    readonly sourceId: string,
    readonly alias: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { SourceKind } from '@storyline/story-events';
import type { CommandContext } from '../../command-handling/command-context';
import type { SourceAnswer } from '../../command-handling/sources';

export class RegisterSourceCommand extends Command<SourceAnswer> {
  constructor(
    readonly name: string,
    readonly kind: SourceKind,
    readonly aliases: readonly string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

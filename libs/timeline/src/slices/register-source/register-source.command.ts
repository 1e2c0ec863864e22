import type { WriteOutcome } from '../../http/write-outcome';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { SourceKind } from '@storyline/story-events';

export interface SourceAnswer extends WriteOutcome {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly position: number;
}

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

export class AddSourceAliasCommand extends Command<SourceAnswer> {
  constructor(
    readonly sourceId: string,
    readonly alias: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

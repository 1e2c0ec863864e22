import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import type { Retraction } from './request';

export class RetractFactCommand extends Command<FactChangedAnswer> {
  constructor(
    readonly factId: string,
    readonly retraction: Retraction,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import type { Correction } from './request';

export class CorrectFactCommand extends Command<FactChangedAnswer> {
  constructor(
    readonly factId: string,
    readonly correction: Correction,
    readonly context: CommandContext,
  ) {
    super();
  }
}

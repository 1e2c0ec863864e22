import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import type { Amendment } from './request';

export class AmendFactCommand extends Command<FactChangedAnswer> {
  constructor(
    readonly factId: string,
    readonly amendment: Amendment,
    readonly context: CommandContext,
  ) {
    super();
  }
}

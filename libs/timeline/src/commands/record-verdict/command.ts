import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { FactChangedAnswer } from '../../command-handling/fact-change';
import type { VerdictRequest } from './request';

export class RecordVerdictCommand extends Command<FactChangedAnswer> {
  constructor(
    readonly factId: string,
    readonly verdict: VerdictRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { changeFact, type FactChangedAnswer } from '../../command-handling/fact-change';
import { FACT_LOCATOR, type FactLocator } from '../../fact-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { CorrectFactCommand } from './command';
import { decideCorrectFact } from './decide';

@CommandHandler(CorrectFactCommand)
export class CorrectFactHandler implements ICommandHandler<CorrectFactCommand, FactChangedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FACT_LOCATOR) private readonly facts: FactLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  execute({ factId, correction, context }: CorrectFactCommand): Promise<FactChangedAnswer> {
    return changeFact({ store: this.store, facts: this.facts, readModels: this.readModels }, factId, correction, context, decideCorrectFact);
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { changeFact, type FactChangedAnswer } from '../../command-handling/fact-change';
import { FACT_LOCATOR, type FactLocator } from '../../fact-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { AmendFactCommand } from './command';
import { decideAmendFact } from './decide';

@CommandHandler(AmendFactCommand)
export class AmendFactHandler implements ICommandHandler<AmendFactCommand, FactChangedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FACT_LOCATOR) private readonly facts: FactLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  execute({ factId, amendment, context }: AmendFactCommand): Promise<FactChangedAnswer> {
    return changeFact({ store: this.store, facts: this.facts, readModels: this.readModels }, factId, amendment, context, decideAmendFact);
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyFold } from '../../command-handling/folds';
import { decideOnStream } from '../../command-handling/stream-decider';
import { DomainError, positionToJson } from '@storyline/story-events';
import { writtenRevisionToJson } from '../../http/write-outcome';
import { storyStream, type StoryEvent } from '@storyline/story-events';
import { decideAmendFact, decideCorrectFact, decideRecordVerdict, decideRetractFact } from '../../domain/fact-changes';
import type { StoryState } from '../../domain/story';
import { FACT_LOCATOR, type FactLocator } from '../../fact-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { ChangeFactCommand, type FactChange, type FactChangedAnswer } from './change-fact.command';

function decide(state: StoryState, storyId: string, factId: string, change: FactChange): StoryEvent[] {
  switch (change.kind) {
    case 'amend':
      return decideAmendFact(state, storyId, factId, change.amendment);
    case 'correct':
      return decideCorrectFact(state, storyId, factId, change.correction);
    case 'retract':
      return decideRetractFact(state, storyId, factId, change.retraction);
    case 'verdict':
      return decideRecordVerdict(state, storyId, factId, change.verdict);
  }
}

@CommandHandler(ChangeFactCommand)
export class ChangeFactHandler implements ICommandHandler<ChangeFactCommand, FactChangedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FACT_LOCATOR) private readonly facts: FactLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ factId, change, context }: ChangeFactCommand): Promise<FactChangedAnswer> {
    const storyId = await this.facts.storyOf(factId);
    if (!storyId) throw new DomainError('FACT.NOT_FOUND', `no fact has the id ${factId}`, 'fact');
    const { appended, lastPosition, revision } = await decideOnStream(this.store, storyStream(storyId), storyFold, context, (current) => ({
      events: decide(current, storyId, factId, change),
      result: () => undefined,
    }));
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { factId, storyId, position: positionToJson(lastPosition), changed: appended !== null, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

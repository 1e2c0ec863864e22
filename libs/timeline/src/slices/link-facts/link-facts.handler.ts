import { writtenRevisionToJson } from '../../http/write-outcome';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyFold } from '../../command-handling/folds';
import { decideOnStream } from '../../command-handling/stream-decider';
import { DomainError } from '@storyline/story-events';
import { positionToJson, storyStream } from '@storyline/story-events';
import { decideLinkFacts } from '../../domain/fact-changes';
import { newId } from '@storyline/story-events';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { LinkFactsCommand, type FactsLinkedAnswer } from './link-facts.command';

@CommandHandler(LinkFactsCommand)
export class LinkFactsHandler implements ICommandHandler<LinkFactsCommand, FactsLinkedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, link, context }: LinkFactsCommand): Promise<FactsLinkedAnswer> {
    const proposedId = newId();
    const { appended, result, lastPosition, revision } = await decideOnStream(this.store, storyStream(storyId), storyFold, context, (current) => {
      if (!current.opened) throw new DomainError('STORY.NOT_FOUND', `story ${storyId} does not exist`, 'story');
      const decision = decideLinkFacts(current, storyId, proposedId, link);
      return { events: decision.events, result: () => decision.linkId };
    });
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { linkId: result, position: positionToJson(lastPosition), created: appended !== null, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

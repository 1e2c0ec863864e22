import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { LinkFactsCommand, type FactsLinkedAnswer } from './command';
import { decideLinkFacts } from './decide';

@CommandHandler(LinkFactsCommand)
export class LinkFactsHandler implements ICommandHandler<LinkFactsCommand, FactsLinkedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, link, context }: LinkFactsCommand): Promise<FactsLinkedAnswer> {
    const { result, lastPosition, revision } = await runCommand(this.store, storyStream(storyId), storyFold, context, decideLinkFacts, { storyId, ...link });
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { linkId: result.linkId, position: lastPosition, created: result.created, revision: revision, readYourWrites };
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyIdForSlug, storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { OpenStoryCommand, type StoryOpenedAnswer } from './command';
import { decideOpenStory } from './decide';

@CommandHandler(OpenStoryCommand)
export class OpenStoryHandler implements ICommandHandler<OpenStoryCommand, StoryOpenedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ slug, title, context }: OpenStoryCommand): Promise<StoryOpenedAnswer> {
    const storyId = storyIdForSlug(slug);
    // A taken slug is a 409 whatever revision the client saw, so If-Match does not apply.
    const { appended, revision } = await runCommand(this.store, storyStream(storyId), storyFold, { ...context, expectedRevision: null }, decideOpenStory, { storyId, slug, title });
    const position = appended?.position ?? 0n;
    const readYourWrites = await this.readModels.waitFor(position);
    return { id: storyId, slug, position, revision: revision, readYourWrites };
  }
}

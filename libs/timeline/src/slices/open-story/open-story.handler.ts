import { writtenRevisionToJson } from '../../http/write-outcome';
import { positionToJson } from '@storyline/story-events';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { decideOnStream } from '../../command-handling/stream-decider';
import { storyFold } from '../../command-handling/folds';
import { storyStream } from '@storyline/story-events';
import { storyIdForSlug } from '@storyline/story-events';
import { decideOpenStory } from '../../domain/story';
import { MEMBERSHIP_LOCATOR, type MembershipLocator } from '../../membership-locator';
import { DomainError } from '@storyline/story-events';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { OpenStoryCommand, type StoryOpenedAnswer } from './open-story.command';

@CommandHandler(OpenStoryCommand)
export class OpenStoryHandler implements ICommandHandler<OpenStoryCommand, StoryOpenedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
  ) {}

  async execute({ slug, title, context }: OpenStoryCommand): Promise<StoryOpenedAnswer> {
    const storyId = storyIdForSlug(slug);
    // Another story was renamed to (or away from) this slug: it keeps answering for that story.
    const holder = await this.locator.storyOfSlug(slug);
    if (holder !== null && holder !== storyId) throw new DomainError('STORY.SLUG_TAKEN', `the slug "${slug}" is taken`, 'slug');
    const { result, revision } = await decideOnStream(this.store, storyStream(storyId), storyFold, { ...context, expectedRevision: null }, (state) => ({
      events: decideOpenStory(state, { storyId, slug, title }),
      result: (appended) => ({ id: storyId, slug, position: positionToJson(appended?.position ?? 0n) }),
    }));
    const readYourWrites = await this.readModels.waitFor(BigInt(result.position));
    return { ...result, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

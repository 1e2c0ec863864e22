import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { MEMBERSHIP_LOCATOR, standingOf, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import type { MembershipAnswer } from '../../command-handling/membership';
import { MergeStoriesCommand } from './command';
import { decideMergeStories } from './decide';

@CommandHandler(MergeStoriesCommand)
export class MergeStoriesHandler implements ICommandHandler<MergeStoriesCommand, MembershipAnswer & { intoStoryId: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ story, into, reason, context }: MergeStoriesCommand): Promise<MembershipAnswer & { intoStoryId: string }> {
    const storyId = await storyIdOf(this.locator, story);
    const target = await standingOf(this.locator, await storyIdOf(this.locator, into, 'into'), 'into');
    const { appended, lastPosition, revision } = await runCommand(
      this.store,
      storyStream(storyId),
      storyFold,
      context,
      decideMergeStories,
      { storyId, into: target, reason },
    );
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { storyId, intoStoryId: target.id, changed: appended !== null, position: lastPosition, revision, readYourWrites };
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyIdForSlug, storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { MEMBERSHIP_LOCATOR, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import type { MembershipAnswer } from '../../command-handling/membership';
import { RenameStoryCommand } from './command';
import { decideRenameStory } from './decide';

@CommandHandler(RenameStoryCommand)
export class RenameStoryHandler implements ICommandHandler<RenameStoryCommand, MembershipAnswer & { slug: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ story, slug, title, reason, context }: RenameStoryCommand): Promise<MembershipAnswer & { slug: string }> {
    const storyId = await storyIdOf(this.locator, story);
    const slugHeldBy = slug === null ? null : await this.holderOf(slug);
    const { result, appended, lastPosition, revision } = await runCommand(
      this.store,
      storyStream(storyId),
      storyFold,
      context,
      decideRenameStory,
      { storyId, slug, title, slugHeldBy, reason },
    );
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { storyId, slug: result.slug, changed: appended !== null, position: lastPosition, revision, readYourWrites };
  }

  /** A story holding (or having held) the slug, or the one whose stream a later open of it would meet. */
  private async holderOf(slug: string): Promise<string | null> {
    const held = await this.locator.storyOfSlug(slug);
    if (held) return held;
    const named = storyIdForSlug(slug);
    return (await this.store.streamRevision(storyStream(named))) === null ? null : named;
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyIdForSlug, storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { MEMBERSHIP_LOCATOR, standingOf, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import type { MembershipAnswer } from '../../command-handling/membership';
import { SplitReportsCommand } from './command';
import { decideSplitReports } from './decide';

@CommandHandler(SplitReportsCommand)
export class SplitReportsHandler implements ICommandHandler<SplitReportsCommand, MembershipAnswer & { slug: string; fromStoryId: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ story, reportIds, slug, title, reason, context }: SplitReportsCommand): Promise<MembershipAnswer & { slug: string; fromStoryId: string }> {
    const from = await standingOf(this.locator, await storyIdOf(this.locator, story), 'story');
    const reports = await Promise.all(reportIds.map(async (reportId) => ({ reportId, storyId: (await this.locator.placeOf(reportId))?.storyId ?? null })));
    const slugHeldBy = await this.locator.storyOfSlug(slug);
    const storyId = storyIdForSlug(slug);
    // The new story's stream must not exist; a client's If-Match is about the story split from, so it does not apply here.
    const { appended, lastPosition, revision } = await runCommand(
      this.store,
      storyStream(storyId),
      storyFold,
      { ...context, expectedRevision: null },
      decideSplitReports,
      { storyId, slug, title, from, reports, slugHeldBy, reason },
    );
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { storyId, slug, fromStoryId: from.id, changed: appended !== null, position: lastPosition, revision, readYourWrites };
  }
}

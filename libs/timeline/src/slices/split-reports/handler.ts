import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { positionToJson, storyIdForSlug, storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { decisionStep } from '../../command-handling/membership-step';
import { decideOnStream } from '../../command-handling/stream-decider';
import { writtenRevisionToJson } from '../../http/write-outcome';
import { MEMBERSHIP_LOCATOR, standingOf, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import type { MembershipAnswer } from '../merge-stories/command';
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
    const { appended, lastPosition, revision } = await decideOnStream(
      this.store,
      storyStream(storyId),
      storyFold,
      { ...context, expectedRevision: null },
      decisionStep(decideSplitReports, { storyId, slug, title, from, reports, slugHeldBy, reason }, context),
    );
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { storyId, slug, fromStoryId: from.id, changed: appended !== null, position: positionToJson(lastPosition), revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

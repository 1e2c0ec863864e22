import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { DomainError, storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { MEMBERSHIP_LOCATOR, standingOf, storyIdOf, type MembershipLocator } from '../../membership-locator';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import type { MembershipAnswer } from '../../command-handling/membership';
import { MoveReportCommand } from './command';
import { decideMoveReport } from './decide';

@CommandHandler(MoveReportCommand)
export class MoveReportHandler implements ICommandHandler<MoveReportCommand, MembershipAnswer & { reportId: string; toStoryId: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEMBERSHIP_LOCATOR) private readonly locator: MembershipLocator,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ reportId, to, reason, context }: MoveReportCommand): Promise<MembershipAnswer & { reportId: string; toStoryId: string }> {
    const place = await this.locator.placeOf(reportId);
    if (!place) throw new DomainError('REPORT.NOT_FOUND', `no report has the id ${reportId}`, 'report');
    const target = await standingOf(this.locator, await storyIdOf(this.locator, to, 'to'), 'to');
    const storyId = place.storyId;
    const { appended, lastPosition, revision } = await runCommand(
      this.store,
      storyStream(storyId),
      storyFold,
      context,
      decideMoveReport,
      { storyId, reportId, to: target, reason },
    );
    const readYourWrites = await this.readModels.waitFor(lastPosition);
    return { storyId, reportId, toStoryId: target.id, changed: appended !== null, position: lastPosition, revision, readYourWrites };
  }
}

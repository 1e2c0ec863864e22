import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyStream } from '@storyline/story-events';
import { storyFold } from '../../command-handling/folds';
import { runCommand } from '../../command-handling/run-command';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { IngestReportCommand, type ReportIngestedAnswer } from './command';
import { decideIngestReport } from './decide';
import { submissionFingerprint } from './submission';

@CommandHandler(IngestReportCommand)
export class IngestReportHandler implements ICommandHandler<IngestReportCommand, ReportIngestedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, report, context, metadata }: IngestReportCommand): Promise<ReportIngestedAnswer> {
    const fingerprint = submissionFingerprint(report);
    const { result, appended, revision } = await runCommand(this.store, storyStream(storyId), storyFold, context, decideIngestReport, { storyId, report, fingerprint }, {
      ...metadata,
      requestFingerprint: fingerprint,
    });
    const position = result.created ? (appended?.position ?? 0n) : result.position;
    const readYourWrites = await this.readModels.waitFor(position);
    return { reportId: result.reportId, factIds: result.factIds, position, created: result.created, revision: revision, readYourWrites };
  }
}

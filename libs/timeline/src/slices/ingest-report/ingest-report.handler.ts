import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyFold } from '../../command-handling/folds';
import { decideOnStream } from '../../command-handling/stream-decider';
import { storyStream } from '@storyline/story-events';
import { newId, positionToJson } from '@storyline/story-events';
import { writtenRevisionToJson } from '../../http/write-outcome';
import { submissionFingerprint } from '../../domain/report';
import { decideIngestReport } from '../../domain/story';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../read-model-sync';
import { IngestReportCommand, type ReportIngestedAnswer } from './ingest-report.command';

@CommandHandler(IngestReportCommand)
export class IngestReportHandler implements ICommandHandler<IngestReportCommand, ReportIngestedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
  ) {}

  async execute({ storyId, report, context, metadata }: IngestReportCommand): Promise<ReportIngestedAnswer> {
    const fingerprint = submissionFingerprint(report);
    const reportId = newId();
    const factIds = report.facts.map(() => newId());
    const { result, revision } = await decideOnStream(this.store, storyStream(storyId), storyFold, context, (state) => {
      const decision = decideIngestReport(state, { storyId, reportId, factIds, report, idempotencyKey: context.idempotencyKey, fingerprint });
      if (decision.kind === 'duplicate') {
        const answer = { reportId: decision.reportId, factIds: decision.factIds, position: positionToJson(decision.position), created: false };
        return { events: [], result: () => answer };
      }
      return {
        events: decision.events,
        metadata: { ...metadata, requestFingerprint: fingerprint },
        result: (appended) => ({ reportId, factIds, position: positionToJson(appended?.position ?? 0n), created: true }),
      };
    });
    const readYourWrites = await this.readModels.waitFor(BigInt(result.position));
    return { ...result, revision: writtenRevisionToJson(revision), readYourWrites };
  }
}

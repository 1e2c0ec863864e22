import type { Position } from '@storyline/story-events';
import type { WriteOutcome } from '../../http/write-outcome';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { ReportSubmission } from './submission';

export interface ReportIngestedAnswer extends WriteOutcome {
  readonly reportId: string;
  readonly factIds: readonly string[];
  readonly position: Position;
  /** False when the same report was ingested before: nothing was appended. */
  readonly created: boolean;
}

export class IngestReportCommand extends Command<ReportIngestedAnswer> {
  constructor(
    readonly storyId: string,
    readonly report: ReportSubmission,
    readonly context: CommandContext,
    /** Stored with each event of the report: which extractor found the facts, if one did. */
    readonly metadata: Record<string, unknown> = {},
  ) {
    super();
  }
}

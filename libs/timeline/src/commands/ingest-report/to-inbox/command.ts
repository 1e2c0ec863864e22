import type { Position } from '@storyline/story-events';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-handling/command-context';
import type { WriteOutcome } from '../../../http/write-outcome';
import type { ReportSubmission } from '../submission';

export interface SentToInboxAnswer extends WriteOutcome {
  readonly reportId: string;
  readonly factIds: readonly string[];
  readonly position: Position;
  /** False when the same report was sent to this inbox before: nothing was appended. */
  readonly created: boolean;
}

export class SendToInboxCommand extends Command<SentToInboxAnswer> {
  constructor(
    readonly inboxId: string,
    readonly report: ReportSubmission,
    readonly context: CommandContext,
    /** Stored with each event of the report: which extractor found the facts, if one did. */
    readonly metadata: Record<string, unknown> = {},
  ) {
    super();
  }
}

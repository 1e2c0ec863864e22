import type { Position } from '@storyline/story-events';
import type { WriteOutcome } from '../../http/write-outcome';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { LinkRequest } from './request';

export interface FactsLinkedAnswer extends WriteOutcome {
  readonly linkId: string;
  readonly position: Position;
  readonly created: boolean;
}

export class LinkFactsCommand extends Command<FactsLinkedAnswer> {
  constructor(
    readonly storyId: string,
    readonly link: LinkRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import type { Position } from '@storyline/story-events';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { WriteOutcome } from '../../http/write-outcome';

export interface StoryOpenedAnswer extends WriteOutcome {
  readonly id: string;
  readonly slug: string;
  readonly position: Position;
}

export class OpenStoryCommand extends Command<StoryOpenedAnswer> {
  constructor(
    readonly slug: string,
    readonly title: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

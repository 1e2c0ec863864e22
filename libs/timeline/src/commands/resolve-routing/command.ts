import type { Position } from '@storyline/story-events';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { WriteOutcome } from '../../http/write-outcome';

export interface RoutingResolvedAnswer extends WriteOutcome {
  readonly reportId: string;
  readonly decision: 'accepted' | 'rejected';
  readonly storyId: string | null;
  readonly opened: boolean;
  readonly position: Position;
  readonly changed: boolean;
}

export class ResolveRoutingCommand extends Command<RoutingResolvedAnswer> {
  constructor(
    readonly inbox: { readonly inboxId: string; readonly name: string },
    readonly reportId: string,
    readonly answer: { readonly kind: 'accept'; readonly story: string | 'new' | null; readonly reason: string | null } | { readonly kind: 'reject'; readonly reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

import type { WriteOutcome } from '../../http/write-outcome';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { Amendment, Correction, Retraction, VerdictRequest } from '../../domain/fact-changes';

export type FactChange =
  | { readonly kind: 'amend'; readonly amendment: Amendment }
  | { readonly kind: 'correct'; readonly correction: Correction }
  | { readonly kind: 'retract'; readonly retraction: Retraction }
  | { readonly kind: 'verdict'; readonly verdict: VerdictRequest };

export interface FactChangedAnswer extends WriteOutcome {
  readonly factId: string;
  readonly storyId: string;
  /** The log position that shows the change (the earlier one when nothing changed). */
  readonly position: number;
  /** False when the fact already was as asked (a second retraction). */
  readonly changed: boolean;
}

export class ChangeFactCommand extends Command<FactChangedAnswer> {
  constructor(
    readonly factId: string,
    readonly change: FactChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

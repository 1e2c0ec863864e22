import type { StorylineEvent } from '@storyline/story-events';

/**
 * What a decider may use besides the stream's state and the command: the request's
 * idempotency key and a source of fresh ids. Passing ids in keeps deciding pure (a spec
 * gives predictable ones) while the handler never has to guess how many a decision needs.
 */
export interface DecisionContext {
  readonly idempotencyKey: string | null;
  newId(): string;
}

/**
 * A decider's answer: the events to append (none when the stream already is as asked) and
 * what the command achieved, which the handler turns into its answer.
 */
export interface Decision<Event extends StorylineEvent, Outcome> {
  readonly events: readonly Event[];
  readonly outcome: Outcome;
}

/**
 * Every command's decider: pure, on the folded state of one stream. Refusals are thrown as
 * `DomainError`s naming the field at fault.
 */
export type Decide<State, Command, Event extends StorylineEvent, Outcome> = (
  state: State,
  command: Command,
  context: DecisionContext,
) => Decision<Event, Outcome>;

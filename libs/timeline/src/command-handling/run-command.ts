import type { EventStore } from '@storyline/event-store';
import { newId, type StorylineEvent } from '@storyline/story-events';
import type { CommandContext } from './command-context';
import type { Decide } from './decider';
import { decideOnStream, type Decided, type Fold, type StreamDecision } from './stream-decider';

/**
 * A pure decider with its command, as the step {@link StreamDecider} runs on the folded state:
 * fresh ids from `newId`, the idempotency key from the command context.
 */
export function decisionStep<State, Command, Event extends StorylineEvent, Outcome>(
  decide: Decide<State, Command, Event, Outcome>,
  command: Command,
  context: Pick<CommandContext, 'idempotencyKey'>,
  metadata?: Record<string, unknown>,
): (state: State) => StreamDecision<Event, Outcome> {
  return (state) => {
    const { events, outcome } = decide(state, command, { idempotencyKey: context.idempotencyKey, newId });
    return { events, metadata, result: () => outcome };
  };
}

/**
 * The one way a handler runs its decider: folds `streamId` (cached, then its tail), checks
 * If-Match, decides, and appends with the revision it folded (see {@link StreamDecider}).
 * `metadata` is stored with every event appended.
 */
export function runCommand<State, Command, Event extends StorylineEvent, Outcome>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
  context: CommandContext,
  decide: Decide<State, Command, Event, Outcome>,
  command: Command,
  metadata?: Record<string, unknown>,
): Promise<Decided<Outcome>> {
  return decideOnStream(store, streamId, fold, context, decisionStep(decide, command, context, metadata));
}

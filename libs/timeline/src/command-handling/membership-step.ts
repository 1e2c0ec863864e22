import { newId, type StorylineEvent } from '@storyline/story-events';
import type { CommandContext } from './command-context';
import type { Decide } from './decider';
import type { Decision as StreamDecision } from './stream-decider';

/** A pure decider with its command, as the step the stream decider runs on the folded state. */
export function decisionStep<State, Command, Event extends StorylineEvent, Outcome>(
  decide: Decide<State, Command, Event, Outcome>,
  command: Command,
  context: Pick<CommandContext, 'idempotencyKey'>,
): (state: State) => StreamDecision<Event, Outcome> {
  return (state) => {
    const { events, outcome } = decide(state, command, { idempotencyKey: context.idempotencyKey, newId });
    return { events, result: () => outcome };
  };
}

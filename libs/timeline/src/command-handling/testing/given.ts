import type { SourceEvent, StorylineEvent, StoryEvent } from '@storyline/story-events';
import type { Decide, Decision, DecisionContext } from '../decider';
import { evolveSource, initialSourceState, type SourceState } from '../source-state';
import { emptyStoryState, evolveStory, type StoryState } from '../story-state';

/**
 * The deciders' given/when/then, shared by every `commands/<command>/decide.spec.ts`:
 *
 *   givenStory(opened, reported).when(decide, command).then([expectedEvent]);
 *   givenStory().when(decide, command).thenRefused({ code: 'STORY.NOT_FOUND' });
 *
 * "given" folds a stream's past as the handlers fold it: each event recorded at the next
 * position (1, 2, ...), as in a fresh log. "when" runs the decider with ids id-1, id-2, ...
 */

/** A past event, optionally with the request metadata it was stored with. */
export type Past<Event> = Event | { readonly event: Event; readonly idempotencyKey?: string; readonly requestFingerprint?: string };

const unwrap = <Event extends StorylineEvent>(past: Past<Event>): { event: Event; idempotencyKey?: string; requestFingerprint?: string } =>
  'event' in past ? past : { event: past };

export class Given<State> {
  constructor(readonly state: State) {}

  when<Command, Event extends StorylineEvent, Outcome>(
    decide: Decide<State, Command, Event, Outcome>,
    command: Command,
    context: Partial<Omit<DecisionContext, 'newId'>> = {},
  ): When<Event, Outcome> {
    let next = 0;
    const decisionContext: DecisionContext = { idempotencyKey: context.idempotencyKey ?? null, newId: () => `id-${++next}` };
    try {
      return new When(decide(this.state, command, decisionContext), null);
    } catch (error) {
      return new When<Event, Outcome>(null, error);
    }
  }
}

export class When<Event extends StorylineEvent, Outcome> {
  constructor(
    private readonly decided: Decision<Event, Outcome> | null,
    private readonly error: unknown,
  ) {}

  /** The decision; fails the spec when the decider refused. */
  get decision(): Decision<Event, Outcome> {
    if (this.decided === null) throw new Error(`expected a decision, but the decider refused: ${String(this.error)}`);
    return this.decided;
  }

  get events(): readonly Event[] {
    return this.decision.events;
  }

  get outcome(): Outcome {
    return this.decision.outcome;
  }

  /** Then these events are appended, in this order. */
  then(events: readonly Event[]): this {
    expect(this.events).toEqual(events);
    return this;
  }

  /** Then nothing is appended: the stream already was as asked. */
  thenNothing(): this {
    return this.then([]);
  }

  thenOutcome(outcome: Partial<Outcome>): this {
    expect(this.outcome).toMatchObject(outcome as object);
    return this;
  }

  /** Then the command is refused with an error like this (code, field). */
  thenRefused(like: { code?: string; field?: string }): void {
    if (this.decided !== null) throw new Error(`expected a refusal, but the decider appended ${JSON.stringify(this.decided.events.map((event) => event.type))}`);
    expect(this.error).toMatchObject(like);
  }
}

export function givenStory(...past: Past<StoryEvent>[]): Given<StoryState> {
  const state = past.map(unwrap).reduce((folded, { event, ...recorded }, index) => evolveStory(folded, event, { position: BigInt(index + 1), ...recorded }), emptyStoryState());
  return new Given(state);
}

export function givenSource(...past: SourceEvent[]): Given<SourceState> {
  return new Given(past.reduce((state, event) => evolveSource(state, event), initialSourceState));
}

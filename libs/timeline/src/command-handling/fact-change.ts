import type { Position } from '@storyline/story-events';
import type { EventStore } from '@storyline/event-store';
import { DomainError, storyStream, type StoryEvent } from '@storyline/story-events';
import type { FactLocator } from '../fact-locator';
import type { WriteOutcome } from '../http/write-outcome';
import type { ReadModelSync } from '../read-model-sync';
import type { CommandContext } from './command-context';
import type { Decide } from './decider';
import { storyFold } from './folds';
import { runCommand } from './run-command';
import type { OnFact } from './fact-rules';
import type { StoryState } from './story-state';

/** What each change to a reported fact (amend, correct, retract, verdict) answers. */
export interface FactChangedAnswer extends WriteOutcome {
  readonly factId: string;
  readonly storyId: string;
  /** The log position that shows the change (the earlier one when nothing changed). */
  readonly position: Position;
  /** False when the fact already was as asked (a second retraction). */
  readonly changed: boolean;
}

/**
 * The handling every fact change shares: find the fact's story (`/facts/{id}` names no
 * story), decide on the story's stream, wait for the read models, answer.
 */
export async function changeFact<Change>(
  ports: { store: EventStore; facts: FactLocator; readModels: ReadModelSync },
  factId: string,
  change: Change,
  context: CommandContext,
  decide: Decide<StoryState, OnFact & Change, StoryEvent, unknown>,
): Promise<FactChangedAnswer> {
  const storyId = await ports.facts.storyOf(factId);
  if (!storyId) throw new DomainError('FACT.NOT_FOUND', `no fact has the id ${factId}`, 'fact');
  const { appended, lastPosition, revision } = await runCommand(ports.store, storyStream(storyId), storyFold, context, decide, { ...change, storyId, factId });
  const readYourWrites = await ports.readModels.waitFor(lastPosition);
  return { factId, storyId, position: lastPosition, changed: appended !== null, revision: revision, readYourWrites };
}

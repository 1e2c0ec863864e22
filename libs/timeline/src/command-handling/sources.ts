import type { Position } from '@storyline/story-events';
import type { EventStore } from '@storyline/event-store';
import { DomainError, normaliseSourceName, sourceIdForName, sourceStream } from '@storyline/story-events';
import type { WriteOutcome } from '../http/write-outcome';

/** What registering a source and adding an alias answer: the source as it now stands. */
export interface SourceAnswer extends WriteOutcome {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly position: Position;
}

/** A source's name and aliases after a decision (the outcome of both source commands). */
export interface SourceNames {
  readonly name: string;
  readonly aliases: readonly string[];
}

export const sourceAnswer = (id: string, names: SourceNames, position: bigint | undefined): Omit<SourceAnswer, keyof WriteOutcome> => ({
  id,
  name: names.name,
  aliases: names.aliases,
  position: position ?? 0n,
});

/**
 * An alias that is another registered source's own name would make two sources one. This
 * reads another stream, so the handlers check it before deciding on their own.
 */
export async function assertNotAnotherSource(store: EventStore, alias: string, field: string): Promise<void> {
  const other = await store.readStream(sourceStream(sourceIdForName(normaliseSourceName(alias))), { maxCount: 1 });
  if (other.length > 0) throw new DomainError('SOURCE.ALIAS_TAKEN', `"${alias}" is already a registered source's name`, field);
}

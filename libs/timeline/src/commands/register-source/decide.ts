import { DomainError, normaliseSourceName, type SourceEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { SourceState } from '../../command-handling/source-state';
import type { SourceNames } from '../../command-handling/sources';
import type { SourceRegistration } from './request';

export interface RegisterSource extends SourceRegistration {
  /** Computed from the normalised name: one stream per source, whoever registers it. */
  readonly sourceId: string;
}

/** Registers a source with its aliases, dropping spellings that normalise to its own name or repeat. */
export function decideRegisterSource(state: SourceState, command: RegisterSource, _context: DecisionContext): Decision<SourceEvent, SourceNames> {
  if (state.registered) throw new DomainError('SOURCE.ALREADY_REGISTERED', `the source "${command.name}" is already registered`, 'name');
  const seen = new Set<string>([normaliseSourceName(command.name)]);
  const aliases = command.aliases.filter((alias) => {
    const key = normaliseSourceName(alias);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    events: [
      { type: 'SourceRegistered', data: { sourceId: command.sourceId, name: command.name, kind: command.kind } },
      ...aliases.map((alias): SourceEvent => ({ type: 'SourceAliasAdded', data: { sourceId: command.sourceId, alias } })),
    ],
    outcome: { name: command.name, aliases },
  };
}

import { DomainError, normaliseSourceName, type SourceEvent } from '@storyline/story-events';
import type { Decision, DecisionContext } from '../../command-handling/decider';
import type { SourceState } from '../../command-handling/source-state';
import type { SourceNames } from '../../command-handling/sources';

export interface AddSourceAlias {
  readonly sourceId: string;
  readonly alias: string;
}

/** Adds an alias a registered source does not have yet; a known spelling changes nothing. */
export function decideAddSourceAlias(state: SourceState, command: AddSourceAlias, _context: DecisionContext): Decision<SourceEvent, SourceNames> {
  const { sourceId, alias } = command;
  if (!state.registered) throw new DomainError('SOURCE.NOT_FOUND', `source ${sourceId} is not registered`);
  const known = [state.name ?? '', ...state.aliases].map(normaliseSourceName);
  const name = state.name ?? '';
  if (known.includes(normaliseSourceName(alias))) return { events: [], outcome: { name, aliases: state.aliases } };
  return { events: [{ type: 'SourceAliasAdded', data: { sourceId, alias } }], outcome: { name, aliases: [...state.aliases, alias] } };
}

import { assertNever, type SourceEvent } from '@storyline/story-events';

/** What a source's decisions need to know of its stream. */
export interface SourceState {
  readonly registered: boolean;
  readonly name: string | null;
  readonly aliases: readonly string[];
}

export const initialSourceState: SourceState = { registered: false, name: null, aliases: [] };

export function evolveSource(state: SourceState, event: SourceEvent): SourceState {
  switch (event.type) {
    case 'SourceRegistered':
      return { ...state, registered: true, name: event.data.name };
    case 'SourceAliasAdded':
      return { ...state, aliases: [...state.aliases, event.data.alias] };
    default:
      return assertNever(event);
  }
}

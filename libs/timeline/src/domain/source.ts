import { DomainError } from '@storyline/story-events';
import { assertNever, SOURCE_KINDS, type SourceEvent, type SourceKind } from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';
import { read } from '@storyline/story-events';

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

export interface RegisterSource {
  readonly sourceId: string;
  readonly name: string;
  readonly kind: SourceKind;
  readonly aliases: readonly string[];
}

export function parseRegisterSource(body: unknown): Omit<RegisterSource, 'sourceId'> {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['name', 'kind', 'aliases'], '');
  const aliases = input.aliases === undefined ? [] : read.array(input.aliases, 'aliases', 50);
  return {
    name: read.text(input.name, 'name', { max: 200 }).trim(),
    kind: input.kind === undefined ? 'other' : read.oneOf(input.kind, 'kind', SOURCE_KINDS),
    aliases: aliases.map((alias, index) => read.text(alias, `aliases[${index}]`, { max: 200 }).trim()),
  };
}

export function parseAlias(body: unknown): string {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['alias'], '');
  return read.text(input.alias, 'alias', { max: 200 }).trim();
}

export function decideRegisterSource(state: SourceState, command: RegisterSource): SourceEvent[] {
  if (state.registered) throw new DomainError('SOURCE.ALREADY_REGISTERED', `the source "${command.name}" is already registered`, 'name');
  const own = normaliseSourceName(command.name);
  const seen = new Set<string>([own]);
  const aliases = command.aliases.filter((alias) => {
    const key = normaliseSourceName(alias);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [
    { type: 'SourceRegistered', data: { sourceId: command.sourceId, name: command.name, kind: command.kind } },
    ...aliases.map((alias): SourceEvent => ({ type: 'SourceAliasAdded', data: { sourceId: command.sourceId, alias } })),
  ];
}

export function decideAddAlias(state: SourceState, sourceId: string, alias: string): SourceEvent[] {
  if (!state.registered) throw new DomainError('SOURCE.NOT_FOUND', `source ${sourceId} is not registered`);
  const key = normaliseSourceName(alias);
  const known = [state.name ?? '', ...state.aliases].map(normaliseSourceName);
  if (known.includes(key)) return [];
  return [{ type: 'SourceAliasAdded', data: { sourceId, alias } }];
}

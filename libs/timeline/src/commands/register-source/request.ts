import { read, SOURCE_KINDS, type SourceKind } from '@storyline/story-events';

export interface SourceRegistration {
  readonly name: string;
  readonly kind: SourceKind;
  readonly aliases: readonly string[];
}

export function parseRegisterSource(body: unknown): SourceRegistration {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['name', 'kind', 'aliases'], '');
  const aliases = input.aliases === undefined ? [] : read.array(input.aliases, 'aliases', 50);
  return {
    name: read.text(input.name, 'name', { max: 200 }).trim(),
    kind: input.kind === undefined ? 'other' : read.oneOf(input.kind, 'kind', SOURCE_KINDS),
    aliases: aliases.map((alias, index) => read.text(alias, `aliases[${index}]`, { max: 200 }).trim()),
  };
}

import { DomainError, isUuid, normaliseSourceName, read, sourceIdForName } from '@storyline/story-events';

export function parseAlias(body: unknown): string {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['alias'], '');
  return read.text(input.alias, 'alias', { max: 200 }).trim();
}

/** The `:source` of `/sources/{source}/aliases`: the source's id or its registered name. */
export function sourceIdFromParam(source: string): string {
  const sourceId = isUuid(source) ? source.toLowerCase() : sourceIdForName(normaliseSourceName(source));
  if (source.length > 200) throw new DomainError('SOURCE.NOT_FOUND', 'no such source', 'source');
  return sourceId;
}

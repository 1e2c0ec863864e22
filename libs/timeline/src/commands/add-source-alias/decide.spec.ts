import type { SourceEvent } from '@storyline/story-events';
import { givenSource } from '../../command-handling/testing/given';
import { decideAddSourceAlias } from './decide';
import { parseAlias, sourceIdFromParam } from './request';

const registered: SourceEvent[] = [
  { type: 'SourceRegistered', data: { sourceId: 'p', name: 'Politico', kind: 'outlet' } },
  { type: 'SourceAliasAdded', data: { sourceId: 'p', alias: 'Politico Europe' } },
];

describe('adding an alias to a source', () => {
  it('adds a new alias once', () => {
    givenSource(...registered)
      .when(decideAddSourceAlias, { sourceId: 'p', alias: 'Politico EU' })
      .then([{ type: 'SourceAliasAdded', data: { sourceId: 'p', alias: 'Politico EU' } }])
      .thenOutcome({ name: 'Politico', aliases: ['Politico Europe', 'Politico EU'] });
  });

  it('ignores a spelling it knows, the name or an alias', () => {
    givenSource(...registered).when(decideAddSourceAlias, { sourceId: 'p', alias: 'politico europe' }).thenNothing().thenOutcome({ aliases: ['Politico Europe'] });
    givenSource(...registered).when(decideAddSourceAlias, { sourceId: 'p', alias: 'POLITICO' }).thenNothing();
  });

  it('refuses a source that is not registered', () => {
    givenSource().when(decideAddSourceAlias, { sourceId: 'x', alias: 'X' }).thenRefused({ code: 'SOURCE.NOT_FOUND' });
  });

  it('reads the alias and the source reference, naming bad input', () => {
    expect(() => parseAlias({ alias: 'x', extra: 1 })).toThrow(expect.objectContaining({ field: 'extra' }));
    expect(() => sourceIdFromParam('x'.repeat(201))).toThrow(expect.objectContaining({ code: 'SOURCE.NOT_FOUND', field: 'source' }));
  });
});

import type { SourceEvent } from '@storyline/story-events';
import { givenSource } from '../../command-handling/testing/given';
import { decideRegisterSource, type RegisterSource } from './decide';
import { parseRegisterSource } from './request';

const politico: RegisterSource = { sourceId: 'p', name: 'Politico', kind: 'outlet', aliases: ['POLITICO', 'Politico Europe', 'politico  europe'] };
const registered: SourceEvent = { type: 'SourceRegistered', data: { sourceId: 'p', name: 'Politico', kind: 'outlet' } };

describe('registering a source', () => {
  it('registers a source with its aliases, dropping spellings that normalise to its own name or repeat', () => {
    givenSource()
      .when(decideRegisterSource, politico)
      .then([registered, { type: 'SourceAliasAdded', data: { sourceId: 'p', alias: 'Politico Europe' } }])
      .thenOutcome({ name: 'Politico', aliases: ['Politico Europe'] });
  });

  it('refuses to register the same source twice', () => {
    givenSource(registered).when(decideRegisterSource, { ...politico, aliases: [] }).thenRefused({ code: 'SOURCE.ALREADY_REGISTERED', field: 'name' });
  });

  it('reads kind and aliases from input, naming a bad field', () => {
    expect(parseRegisterSource({ name: ' Politico ', kind: 'outlet' })).toEqual({ name: 'Politico', kind: 'outlet', aliases: [] });
    expect(() => parseRegisterSource({ name: 'X', kind: 'blog' })).toThrow(expect.objectContaining({ field: 'kind' }));
    expect(() => parseRegisterSource({ name: 'X', aliases: ['ok', 3] })).toThrow(expect.objectContaining({ field: 'aliases[1]' }));
  });
});

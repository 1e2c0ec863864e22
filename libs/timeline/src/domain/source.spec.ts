import { decideAddAlias, decideRegisterSource, initialSourceState, parseRegisterSource } from './source';
import { givenSource } from './testing/given';

describe('registering sources and aliases', () => {
  const registered = decideRegisterSource(initialSourceState, { sourceId: 'p', name: 'Politico', kind: 'outlet', aliases: ['POLITICO', 'Politico Europe'] });
  const state = givenSource(...registered);

  it('registers a source with its aliases, dropping spellings that normalise to its own name', () => {
    expect(registered.map((event) => event.type)).toEqual(['SourceRegistered', 'SourceAliasAdded']);
    expect(state).toEqual({ registered: true, name: 'Politico', aliases: ['Politico Europe'] });
  });

  it('refuses to register the same source twice', () => {
    expect(() => decideRegisterSource(state, { sourceId: 'p', name: 'Politico', kind: 'outlet', aliases: [] })).toThrow(
      expect.objectContaining({ code: 'SOURCE.ALREADY_REGISTERED' }),
    );
  });

  it('adds a new alias once and ignores a known one', () => {
    expect(decideAddAlias(state, 'p', 'Politico EU')).toEqual([{ type: 'SourceAliasAdded', data: { sourceId: 'p', alias: 'Politico EU' } }]);
    expect(decideAddAlias(state, 'p', 'politico europe')).toEqual([]);
    expect(() => decideAddAlias(initialSourceState, 'x', 'X')).toThrow(expect.objectContaining({ code: 'SOURCE.NOT_FOUND' }));
  });

  it('reads kind and aliases from input, naming a bad field', () => {
    expect(parseRegisterSource({ name: ' Politico ', kind: 'outlet' })).toEqual({ name: 'Politico', kind: 'outlet', aliases: [] });
    expect(() => parseRegisterSource({ name: 'X', kind: 'blog' })).toThrow(expect.objectContaining({ field: 'kind' }));
    expect(() => parseRegisterSource({ name: 'X', aliases: ['ok', 3] })).toThrow(expect.objectContaining({ field: 'aliases[1]' }));
  });
});

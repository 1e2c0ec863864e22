import { extractReport } from '../index';

describe('named entities', () => {
  it('makes "Witkoff" and "Steve Witkoff" one person', () => {
    const result = extractReport('Steve Witkoff flew to Moscow. Witkoff met officials there.');
    const people = result.entities.filter((entity) => entity.type === 'person');
    expect(people).toEqual([expect.objectContaining({ name: 'Steve Witkoff', mentions: expect.any(Array) })]);
    expect(people[0].mentions).toHaveLength(2);
    expect(result.facts[1].entities).toContainEqual(expect.objectContaining({ text: 'Witkoff', name: 'Steve Witkoff', type: 'person' }));
  });

  it('drops titles and ties "Dr. Mitchell" to "Dr. Laura Mitchell"', () => {
    const result = extractReport('Dr. Laura Mitchell teaches law. Dr. Mitchell disagreed with the ruling.');
    expect(result.entities).toContainEqual(expect.objectContaining({ name: 'Laura Mitchell', type: 'person' }));
    expect(result.entities.filter((entity) => entity.type === 'person')).toHaveLength(1);
  });

  it('tells organisations and places apart and merges aliases', () => {
    const result = extractReport('Officials at Oxford University met NATO envoys in Kyiv. The U.S. and the United States are one.');
    const byName = new Map(result.entities.map((entity) => [entity.name, entity]));
    expect(byName.get('Oxford University')?.type).toBe('organisation');
    expect(byName.get('NATO')?.type).toBe('organisation');
    expect(byName.get('Kyiv')?.type).toBe('place');
    expect(byName.get('United States')?.mentions).toHaveLength(2);
  });

  it('does not take a capitalised first word or a nationality for a name', () => {
    const result = extractReport('Critics say Ukrainian officials were not consulted.');
    expect(result.entities).toEqual([]);
  });
});

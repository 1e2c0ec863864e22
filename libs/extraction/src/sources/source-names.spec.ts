import { sourceAliasCandidates, sourceNameKey, sourceNameShape, type KnownSourceName } from './source-names';

const known = (name: string, factId = name): KnownSourceName => ({ name, shape: sourceNameShape(name), factId });
const pairs = (added: string, names: readonly string[]): [string, string, string][] =>
  sourceAliasCandidates(known(added), names.map((name) => known(name))).map((found) => [found.alias.name, found.canonical.name, found.rule]);

describe('source names across reports', () => {
  it('gives one key to spellings that differ only by title, case and punctuation', () => {
    expect(sourceNameKey('Dr. Laura Mitchell')).toBe(sourceNameKey('laura  mitchell,'));
    expect(sourceNameKey('Sen. Elizabeth Warren')).toBe(sourceNameKey('Elizabeth Warren'));
    expect(sourceNameKey('Dr. Mitchell')).not.toBe(sourceNameKey('Dr. Laura Mitchell'));
    expect(sourceNameKey('President')).toBe('president');
    expect(sourceNameKey('General Motors')).toBe('general motors');
    expect(sourceNameKey('St. Louis')).toBe('st louis');
    expect(sourceNameKey('the Justice Department')).toBe('the justice department');
    expect(sourceNameKey('Justice Department')).toBe('justice department');
    expect(sourceNameKey('Secretary of State')).toBe('secretary of state');
    expect(sourceNameKey('Governor of Texas')).toBe('governor of texas');
  });

  it('reads the shape of a name', () => {
    expect(sourceNameShape('Dr. Laura Mitchell')).toMatchObject({ kind: 'full-name', surname: 'mitchell' });
    expect(sourceNameShape('Dr. Mitchell')).toMatchObject({ kind: 'surname', surname: 'mitchell' });
    expect(sourceNameShape('sources familiar with the talks')).toMatchObject({ kind: 'anonymous', group: 'familiar with the talks' });
    expect(sourceNameShape('Critics').kind).toBe('unnamed-group');
    expect(sourceNameShape('some analysts').kind).toBe('unnamed-group');
    expect(sourceNameShape('the White House').kind).toBe('other');
    expect(sourceNameShape('EgyNews LIBYA').kind).toBe('other');
    expect(sourceNameShape('Turkey Turkey').kind).toBe('other');
    expect(sourceNameShape('The US').kind).toBe('other');
    expect(sourceNameShape('Ben van Beurden')).toMatchObject({ kind: 'full-name', surname: 'beurden' });
    expect(sourceNameShape('Turkey', 'place').kind).toBe('other');
    expect(sourceNameShape('Ahmed', 'other').kind).toBe('surname');
  });

  it('proposes a surname alone for the only full name with it, whichever came first', () => {
    expect(pairs('Mitchell', ['Dr. Laura Mitchell', 'Steve Witkoff'])).toEqual([['Mitchell', 'Dr. Laura Mitchell', 'surname-of-unique-full-name']]);
    expect(pairs('Dr. Laura Mitchell', ['Steve Witkoff', 'Dr. Mitchell'])).toEqual([['Dr. Mitchell', 'Dr. Laura Mitchell', 'surname-of-unique-full-name']]);
  });

  it('proposes nothing when two full names share the surname, or for the same name', () => {
    expect(pairs('Mitchell', ['Laura Mitchell', 'George Mitchell'])).toEqual([]);
    expect(pairs('George Mitchell', ['Laura Mitchell', 'Mitchell'])).toEqual([]);
    expect(pairs('Laura Mitchell', ['Dr. Laura Mitchell'])).toEqual([]);
  });

  it('proposes two phrasings of one anonymous group, and never an unnamed group', () => {
    expect(pairs('those familiar with the talks', ['sources familiar with the talks'])).toEqual([
      ['those familiar with the talks', 'sources familiar with the talks', 'same-anonymous-group'],
    ]);
    expect(pairs('those familiar with the talks', ['sources familiar with the budget'])).toEqual([]);
    expect(pairs('critics', ['Critics of the plan', 'Mitchell', 'analysts'])).toEqual([]);
    expect(pairs('Analysts', ['Laura Analysts'])).toEqual([]);
  });
});

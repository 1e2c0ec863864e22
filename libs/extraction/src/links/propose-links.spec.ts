import { proposeLinks, type LinkableFact } from '../index';

const fact = (id: string, reportId: string, statement: string, extra: Partial<LinkableFact> = {}): LinkableFact => ({
  id,
  reportId,
  statement,
  ...extra,
});

describe('proposeLinks', () => {
  it('proposes a contradiction for the same actor and relation with a different counterpart', () => {
    const earlier = [fact('a', 'r1', 'Witkoff held back-channel talks with Ukrainian officials')];
    const later = [fact('b', 'r2', 'Witkoff advised a senior Kremlin official')];
    const [link] = proposeLinks(later, earlier);
    expect(link).toMatchObject({ fromFactId: 'b', toFactId: 'a', kind: 'contradicts' });
    expect(link.reason).toContain('different counterpart');
    expect(link.score).toBeGreaterThan(0.7);
    expect(link.score).toBeLessThanOrEqual(1);
  });

  it('proposes a corroboration when the counterpart is the same', () => {
    const earlier = [fact('a', 'r1', 'Witkoff met Ukrainian officials in Geneva')];
    const later = [fact('b', 'r2', 'Steve Witkoff held talks with senior Ukrainian officials')];
    expect(proposeLinks(later, earlier)).toEqual([expect.objectContaining({ kind: 'corroborates', fromFactId: 'b', toFactId: 'a' })]);
  });

  it('proposes a contradiction when one side denies the relation', () => {
    const earlier = [fact('a', 'r1', 'The minister met the envoy in Vienna')];
    const later = [fact('b', 'r2', 'The minister never met the envoy', { modality: 'denial' })];
    expect(proposeLinks(later, earlier)).toEqual([expect.objectContaining({ kind: 'contradicts', reason: expect.stringContaining('denies') })]);
    const named = proposeLinks([fact('b', 'r2', 'Anna Berg never met the envoy', { modality: 'denial' })], [fact('a', 'r1', 'Anna Berg met the envoy in Vienna')]);
    expect(named).toEqual([expect.objectContaining({ kind: 'contradicts', reason: expect.stringContaining('denies') })]);
  });

  it('proposes a repeat for near-identical wording', () => {
    const earlier = [fact('a', 'r1', 'The central bank raised interest rates by half a point.')];
    const later = [fact('b', 'r2', 'The central bank raised interest rates by half a point on Tuesday.')];
    expect(proposeLinks(later, earlier)).toEqual([expect.objectContaining({ kind: 'repeats' })]);
  });

  it('never links facts of the same report, nor unrelated facts', () => {
    expect(proposeLinks([fact('b', 'r1', 'Witkoff advised a Kremlin official')], [fact('a', 'r1', 'Witkoff met Ukrainian officials')])).toEqual([]);
    expect(proposeLinks([fact('b', 'r2', 'The bridge reopened to traffic')], [fact('a', 'r1', 'Witkoff met Ukrainian officials')])).toEqual([]);
  });

  it('counts entities the caller gives as shared entities', () => {
    const earlier = [fact('a', 'r1', 'The envoy from Oslo discussed the grain corridor with the delegation', { entities: [{ name: 'Jonas Dahl', type: 'person' }, 'Oslo'] })];
    const later = [fact('b', 'r2', 'The Oslo envoy discussed the grain corridor with the delegation again', { entities: ['Jonas Dahl', 'Oslo'] })];
    expect(proposeLinks(later, earlier)[0]).toMatchObject({ kind: 'repeats' });
  });
});

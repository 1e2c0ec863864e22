import { entityKey, reportFeatures } from './features';

const LIMITS = { reportEntities: 40, reportTerms: 80 };
const mentions = (count: number) => Array.from({ length: count }, () => ({}));

describe('reportFeatures', () => {
  it('normalises entity names so that possessives and case do not split one entity', () => {
    const features = reportFeatures(
      {
        reportId: 'r1',
        text: 'Floods hit Strelsau.',
        extracted: { entities: [{ name: "Rudolf Rassendyll's", mentions: mentions(2) }, { name: 'rudolf rassendyll', mentions: mentions(1) }] },
      },
      LIMITS,
    );
    expect(features.entities).toEqual([['rudolf rassendyll', 3]]);
    expect(entityKey('Strelsau’s')).toBe('strelsau');
  });

  it('leaves out the outlet, function words and words under three letters', () => {
    const features = reportFeatures(
      {
        reportId: 'r1',
        outlet: 'Wireco',
        text: 'STRELSAU (Wireco) - The river rose and the river flooded, an official said of it.',
        extracted: { entities: [{ name: 'Wireco', mentions: mentions(3) }, { name: 'Strelsau', mentions: mentions(1) }] },
      },
      LIMITS,
    );
    expect(features.entities).toEqual([['strelsau', 1]]);
    expect(features.terms).toEqual([['flooded', 1], ['official', 1], ['river', 2], ['rose', 1], ['strelsau', 1]]);
  });

  it('keeps the most frequent words up to the limit, breaking ties by word, in word order', () => {
    const features = reportFeatures({ reportId: 'r1', text: 'delta delta alpha charlie bravo echo echo echo' }, { reportEntities: 5, reportTerms: 3 });
    expect(features.terms).toEqual([['alpha', 1], ['delta', 2], ['echo', 3]]);
  });

  it('finds capitalised names mid-sentence when no extraction is given, and takes the caller’s date first', () => {
    const features = reportFeatures(
      { reportId: 'r1', text: 'Rain fell as Rudolf Rassendyll toured Strelsau on foot.', publishedAt: '2011-03-01T00:00:00.000Z', extracted: null },
      LIMITS,
    );
    expect(features.entities.map(([name]) => name)).toEqual(['rudolf rassendyll', 'strelsau']);
    expect(features.publishedAt).toBe('2011-03-01T00:00:00.000Z');
  });
});

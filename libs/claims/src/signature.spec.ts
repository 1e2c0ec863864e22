import { jaccard, minHashKeys, signatureOf } from './signature';

describe('signatureOf', () => {
  it('keeps content words, drops stop words and plural endings', () => {
    expect([...signatureOf('The rebels said they seized two towns.').words].sort()).toEqual(['rebel', 'seiz', 'town']);
  });

  it('normalises entity names', () => {
    expect([...signatureOf('x', [' NATO ', 'Misrata']).entities]).toEqual(['nato', 'misrata']);
  });
});

describe('minHashKeys', () => {
  it('gives identical sets identical keys and disjoint sets none in common', () => {
    const a = signatureOf('NATO warplanes struck tanks near Misrata overnight').words;
    const b = signatureOf('Hospitals in Benghazi ran short of blood supplies').words;
    expect(minHashKeys(a)).toEqual(minHashKeys(new Set(a)));
    expect(minHashKeys(a).filter((key) => minHashKeys(b).includes(key))).toEqual([]);
    expect(jaccard(a, b)).toBe(0);
  });
});

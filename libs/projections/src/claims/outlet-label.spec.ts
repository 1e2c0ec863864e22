import { datelinePlace, outletLabel } from './outlet-label';

describe('outletLabel', () => {
  it('keeps a named outlet as given', () => {
    expect(outletLabel(' Newshub Editorial in Europe ', 'Brussels')).toBe('Newshub Editorial in Europe');
  });

  it('says what is known of an unnamed outlet: its dateline place', () => {
    expect(outletLabel(null, 'Kyiv, November 20, 2025')).toBe('outlet not named — Kyiv dateline');
    expect(outletLabel('', 'KYIV, Nov 20 (Reuters) -')).toBe('outlet not named — Kyiv dateline');
    expect(outletLabel(null, 'NEW YORK | Fri Jun 3, 2011')).toBe('outlet not named — New York dateline');
  });

  it('says only that the outlet is not named when nothing else is known', () => {
    expect(outletLabel(null, null)).toBe('outlet not named');
    expect(datelinePlace('20 November 2025')).toBeNull();
  });
});

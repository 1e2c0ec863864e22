import { extractReport } from '../index';

describe('report findings', () => {
  it('reads place and date from a dateline and keeps it out of the first fact', () => {
    const text = 'Kyiv, November 20, 2025 — The city council voted to rename the square.';
    const result = extractReport(text);
    expect(result.dateline).toEqual({ value: 'Kyiv, November 20, 2025', evidence: { text: 'Kyiv, November 20, 2025', start: 0, end: 23 } });
    expect(result.publishedAt?.value).toBe('2025-11-20T00:00:00.000Z');
    expect(result.facts[0].statement).toBe('The city council voted to rename the square.');
  });

  it('reads a dateline without a date as a place only', () => {
    const result = extractReport('WASHINGTON — The Senate passed the bill late on Thursday.');
    expect(result.dateline?.value).toBe('WASHINGTON');
    expect(result.publishedAt).toBeNull();
  });

  it('takes a signed-off outlet and date from the closing line', () => {
    const text = 'The council voted to rename the square.\nCity Desk News – 3 March 2024';
    const result = extractReport(text);
    expect(result.outlet).toEqual({ value: 'City Desk News', evidence: { text: 'City Desk News', start: 40, end: 54 } });
    expect(result.publishedAt?.value).toBe('2024-03-03T00:00:00.000Z');
    expect(result.facts).toHaveLength(1);
  });

  it('takes a person who signs off as the byline, not the outlet', () => {
    const result = extractReport('The council voted to rename the square.\nJane Porter – 3 March 2024');
    expect(result.byline?.value).toBe('Jane Porter');
    expect(result.outlet).toBeNull();
  });

  it('reads a byline with its outlet and a published line', () => {
    const text = 'Council renames the square\nBy Jane Porter | The Harbour Times\nPublished: 4 May 2023\nThe council voted to rename the square.';
    const result = extractReport(text);
    expect(result.headline?.value).toBe('Council renames the square');
    expect(result.byline?.value).toBe('Jane Porter');
    expect(result.outlet?.value).toBe('The Harbour Times');
    expect(result.publishedAt?.value).toBe('2023-05-04T00:00:00.000Z');
    expect(result.facts.map((fact) => fact.statement)).toEqual(['The council voted to rename the square.']);
  });

  it('leaves outlet and date unknown when the text does not give them', () => {
    const result = extractReport('The council voted to rename the square.');
    expect([result.outlet, result.publishedAt, result.dateline, result.byline]).toEqual([null, null, null, null]);
  });

  it('prefers what the caller gives, with no evidence span', () => {
    const result = extractReport('Kyiv, November 20, 2025 — The council voted.', { outlet: 'Politico', publishedAt: '2025-11-21T08:00:00Z' });
    expect(result.outlet).toEqual({ value: 'Politico', evidence: null });
    expect(result.publishedAt).toEqual({ value: '2025-11-21T08:00:00.000Z', evidence: null });
  });

  it('yields nothing from page furniture', () => {
    const text = 'Physical Address\n304 North Cardinal St.\nDorchester Center, MA 02124\nRecent Comments\nLeave a Reply\nShare this:';
    expect(extractReport(text).facts).toEqual([]);
  });
});

import type { DomainError } from '@storyline/story-events';
import { parseReport } from './request';

const text = 'An envoy met an official. Sources said so.';

describe('reading a report submission', () => {
  const fieldOf = (body: unknown, required: ('outlet' | 'publishedAt')[] = []): string | undefined => {
    try {
      parseReport(body, required);
    } catch (error) {
      return (error as DomainError).field;
    }
    return undefined;
  };

  it('names the field at fault', () => {
    expect(fieldOf('just a string')).toBe('body');
    expect(fieldOf({ text: '' })).toBe('text');
    expect(fieldOf({ text: 'x' }, ['outlet'])).toBe('outlet');
    expect(fieldOf({ text: 'x', publishedAt: 'last Tuesday' })).toBe('publishedAt');
    expect(fieldOf({ text: 'x', publishedAt: '2025-02-30' })).toBe('publishedAt');
    expect(fieldOf({ text: 'x', url: 'javascript:alert(1)' })).toBe('url');
    expect(fieldOf({ text: 'x', colour: 'red' })).toBe('colour');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 999 } }] })).toBe('facts[0].evidence.end');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 5, end: 5 } }] })).toBe('facts[0].evidence.end');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { quote: 'not there' } }] })).toBe('facts[0].evidence.quote');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { quote: 'e' } }] })).toBe('facts[0].evidence.quote');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 2 }, modality: 'rumoured' }] })).toBe('facts[0].modality');
    expect(fieldOf({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 2 }, occurred: { from: '2025-11-20', to: '2025-11-01', precision: 'day' } }] })).toBe('facts[0].occurred.to');
  });

  it('resolves a quoted piece of evidence to its offsets', () => {
    const parsed = parseReport({ text, facts: [{ statement: 'Sources said so', evidence: { quote: 'Sources said so' } }] });
    expect(parsed.facts[0].evidence).toEqual({ start: text.indexOf('Sources'), end: text.indexOf('Sources') + 'Sources said so'.length });
  });

  it('keeps a fuzzy occurred interval as an interval', () => {
    const parsed = parseReport({ text, facts: [{ statement: 'a', evidence: { start: 0, end: 2 }, occurred: { from: '2025-08-27', to: '2025-11-27', precision: 'fuzzy' } }] });
    expect(parsed.facts[0].occurred).toEqual({ from: '2025-08-27T00:00:00.000Z', to: '2025-11-27T00:00:00.000Z', precision: 'fuzzy' });
  });
});

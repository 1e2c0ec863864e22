import { EXTRACTOR, ExtractionInputError, MAX_TEXT_CHARS, extractReport } from './index';

function refusal(run: () => unknown): ExtractionInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractionInputError) return error;
    throw error;
  }
  throw new Error('expected an ExtractionInputError');
}

describe('extractReport', () => {
  it('names the extractor and its version', () => {
    expect(EXTRACTOR).toEqual({ name: expect.any(String), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(extractReport('The bridge reopened.').extractor).toBe(EXTRACTOR);
  });

  it('refuses empty, oversized and NUL-bearing text, naming the field', () => {
    expect(refusal(() => extractReport('  \n '))).toMatchObject({ code: 'TEXT.EMPTY', field: 'text' });
    expect(refusal(() => extractReport('a'.repeat(MAX_TEXT_CHARS + 1)))).toMatchObject({ code: 'TEXT.TOO_LONG', field: 'text' });
    expect(refusal(() => extractReport('The bridge\u0000 reopened.'))).toMatchObject({ code: 'TEXT.NUL_BYTE', field: 'text' });
    expect(refusal(() => extractReport('The bridge reopened.', { publishedAt: 'soon' }))).toMatchObject({ field: 'publishedAt' });
  });

  it('accepts text of exactly the maximum length', () => {
    const sentence = 'The bridge reopened to traffic. ';
    const text = sentence.repeat(Math.floor(MAX_TEXT_CHARS / sentence.length));
    expect(() => extractReport(text)).not.toThrow();
  });

  it('gives evidence spans in UTF-16 code units that slice to each statement', () => {
    const text = '🚀 Launch news 🚀\n\nThe rocket 🚀 lifted off at dawn, officials said. “It went perfectly well,” Ana Ruiz said.';
    const result = extractReport(text);
    expect(result.facts.length).toBeGreaterThanOrEqual(2);
    for (const fact of result.facts) {
      expect(text.slice(fact.evidence.start, fact.evidence.end).replace(/\s+/g, ' ').trim()).toBe(fact.statement);
      for (const entity of fact.entities) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
    }
  });

  it('is deterministic', () => {
    const text = 'On Friday, the minister denied reports that she had met the envoy, according to her office.';
    expect(JSON.stringify(extractReport(text, { publishedAt: '2025-01-10' }))).toBe(
      JSON.stringify(extractReport(text, { publishedAt: '2025-01-10' })),
    );
  });
});

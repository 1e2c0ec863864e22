import { extractReport, type ExtractedFact } from '../index';

const PUBLISHED = '2025-03-14T00:00:00.000Z';

function factsOf(text: string): ExtractedFact[] {
  return [...extractReport(text, { publishedAt: PUBLISHED }).facts];
}

function only(text: string, words: string): ExtractedFact {
  const found = factsOf(text).filter((fact) => fact.statement.includes(words));
  expect(found).toHaveLength(1);
  return found[0];
}

const who = (fact: ExtractedFact) => [fact.attribution.source?.text ?? null, fact.attribution.cue?.text ?? null];

describe('attribution cues', () => {
  it('reads "according to" with the source after it, anonymous sources included', () => {
    const fact = only('The minister resigned on Monday, according to sources familiar with the matter.', 'resigned');
    expect(who(fact)).toEqual(['sources familiar with the matter', 'according to']);
  });

  it('reads "as reported by" with an outlet as the source', () => {
    const fact = only('The envoy met rebel leaders in secret, as reported by Reuters.', 'envoy');
    expect(who(fact)).toEqual(['Reuters', 'as reported by']);
  });

  it('reads "citing" as a cue before its source', () => {
    const fact = only('The talks collapsed overnight, citing two senior diplomats.', 'collapsed');
    expect(who(fact)).toEqual(['two senior diplomats', 'citing']);
  });

  it('reads a speech verb with its subject, past an appositive', () => {
    const fact = only('Anna Berg, a spokeswoman for the ministry, said that the border would stay closed.', 'border');
    expect(who(fact)).toEqual(['Anna Berg', 'said']);
  });

  it('reads "told" and never takes the listener as the speaker', () => {
    const fact = only('“We were never consulted about the plan,” Mayor Tom Reyes told reporters.', 'consulted');
    expect(who(fact)).toEqual(['Mayor Tom Reyes', 'told']);
  });

  it('reads an inverted speech tag after a quotation', () => {
    const fact = only('“The numbers do not add up at all,” said Maria Lopez, a budget analyst.', 'numbers');
    expect(who(fact)).toEqual(['Maria Lopez', 'said']);
    expect(fact.modality).toBe('quoted_opinion');
  });

  it('keeps a cue without a source when the report names nobody', () => {
    const fact = only('The company reportedly paid the fine last week.', 'fine');
    expect(who(fact)).toEqual([null, 'reportedly']);
  });

  it('gives vague "reports" no source but keeps the cue', () => {
    const fact = only('According to reports, the plant will close in June.', 'plant');
    expect(who(fact)).toEqual([null, 'According to']);
  });

  it('resolves a pronoun speaker to the person named before', () => {
    const text = 'Reporters spoke with Dr. Ruth Adler, a historian. She said, “Nothing like this has happened before.”';
    const fact = only(text, 'Nothing like');
    expect(who(fact)).toEqual(['Dr. Ruth Adler', 'said']);
  });

  it('lets a quotation with no speech tag continue the speaker before it', () => {
    const text = 'Sen. Paul Harlan also criticised the budget.\n“It cuts the programs that matter most to families.”';
    const fact = only(text, 'programs that matter');
    expect(fact.attribution.source?.text).toBe('Sen. Paul Harlan');
    expect(fact.modality).toBe('quoted_opinion');
  });

  it('does not take the object of another verb as a speaker', () => {
    const fact = only('The report involving the senator adds two names to the list of witnesses.', 'witnesses');
    expect(who(fact)).toEqual([null, null]);
    expect(fact.modality).toBe('asserted');
  });

  it('ignores "not" before a speech verb', () => {
    const fact = only('The envoy has not said anything about the talks since May.', 'envoy');
    expect(fact.attribution.cue).toBeNull();
  });

  it('lends a next-sentence attribution back to the claim it refers to', () => {
    const text = 'The mayor secretly met the developers. This meeting worried residents, as reported by the Daily Ledger.';
    const fact = only(text, 'secretly met');
    expect(who(fact)).toEqual(['the Daily Ledger', 'as reported by']);
  });
});

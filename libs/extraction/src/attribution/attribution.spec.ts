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

  it('keeps a pronoun as the source and resolves its name to the person named before', () => {
    const text = 'Reporters spoke with Dr. Ruth Adler, a historian. She said, “Nothing like this has happened before.”';
    const fact = only(text, 'Nothing like');
    expect(who(fact)).toEqual(['She', 'said']);
    expect(fact.attribution.sourceName?.text).toBe('Dr. Ruth Adler');
    expect(text.slice(fact.attribution.sourceName!.start, fact.attribution.sourceName!.end)).toBe('Dr. Ruth Adler');
  });

  it('resolves a short name to the fullest name the report gives', () => {
    const text = 'Dr. Laura Mitchell teaches at Oxford. Dr. Mitchell said the talks failed in March.';
    const fact = only(text, 'talks failed');
    expect(who(fact)).toEqual(['Dr. Mitchell', 'said']);
    expect(fact.attribution.sourceName?.text).toBe('Dr. Laura Mitchell');
  });

  it('keeps generic plurals as unnamed groups, with a source but no name', () => {
    const text = 'Critics said the plan would cost 3 billion dollars. Analysts warned that costs could double by 2030.';
    for (const words of ['3 billion', 'double']) {
      const fact = only(text, words);
      expect(fact.attribution.source?.text).toMatch(/^(Critics|Analysts)$/);
      expect(fact.attribution.sourceName).toBeNull();
    }
  });

  it('takes the speaker of a nested frame, not the interviewer', () => {
    const fact = only('In an interview with Samantha Bee, Obama said the election was rigged against workers.', 'rigged');
    expect(who(fact)).toEqual(['Obama', 'said']);
  });

  it('reads verbs of stance and reporting as attribution', () => {
    const cases: [string, string, string][] = [
      ['Clinton compared the president to a duck on Tuesday.', 'Clinton', 'compared'],
      ['Sen. Elizabeth Warren endorsed Hillary Clinton on Thursday.', 'Sen. Elizabeth Warren', 'endorsed'],
      ['The senator criticised the budget plan as reckless.', 'The senator', 'criticised'],
      ['The law requires all voters to show photo identification.', 'The law', 'requires'],
      ['Republicans called for an investigation into the leak.', 'Republicans', 'called'],
      ['A new poll has Trump leading Clinton by four points in Ohio.', 'A new poll', 'has'],
      ['A Quinnipiac poll showed Clinton ahead by six points.', 'A Quinnipiac poll', 'showed'],
    ];
    for (const [text, source, cue] of cases) expect([text, ...who(only(text, text.slice(-12)))]).toEqual([text, source, cue]);
  });

  it('does not read an auxiliary "has" as a poll finding', () => {
    expect(who(only('A new poll has shown that turnout fell by 4 points.', 'turnout'))).toEqual(['A new poll', 'shown']);
    expect(who(only('The president has two daughters and a son in Ohio.', 'daughters'))).toEqual([null, null]);
  });

  it('keeps a title with the name it belongs to', () => {
    const fact = only('Rev. Al Sharpton said the verdict was a disgrace to the city.', 'verdict');
    expect(fact.statement.startsWith('Rev. Al Sharpton')).toBe(true);
    expect(who(fact)).toEqual(['Rev. Al Sharpton', 'said']);
  });

  it('leaves "he" unnamed when it stands for someone the report describes but does not name', () => {
    const text = 'Protests reached the capital on Sunday.\nA resident in Tripoli told Reuters he could hear gunshots.\n“There are gunshots in the street,” he said.';
    const fact = only(text, 'gunshots in the street');
    expect(fact.attribution.source?.text).toBe('he');
    expect(fact.attribution.sourceName).toBeNull();
  });

  it('finds the speaker past a party label, a time, a participial appositive or an emphatic reflexive', () => {
    const cases: [string, string][] = [
      ['Sen. Ted Cruz (R-Texas) on Friday said the bill would fail in the Senate.', 'Sen. Ted Cruz'],
      ['Mikhail Margelov, appointed by the president to mediate, said the talks had stalled.', 'Mikhail Margelov'],
      ['Donald Trump himself said the deal was finished on Friday.', 'Donald Trump'],
    ];
    for (const [text, source] of cases) expect([text, only(text, text.slice(-14)).attribution.source?.text]).toEqual([text, source]);
  });

  it('reads a headline with a colon as the words of the one named before it', () => {
    const text = 'Trump: Mexico will pay for the wall\nThe president repeated his pledge on Monday.';
    const fact = only(text, 'Mexico will pay');
    expect(who(fact)).toEqual(['Trump', ':']);
    expect(extractReport('Syria: sanctions target the president\nThe United States imposed sanctions on Monday.').facts.every((each) => !each.attribution.cue)).toBe(true);
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

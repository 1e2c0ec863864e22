import { extractReport, MAX_FACTS_PER_REPORT } from '../index';

const statements = (text: string): string[] => extractReport(text, { publishedAt: '2025-03-14' }).facts.map((fact) => fact.statement);

describe('a fact is a checkable claim', () => {
  it('takes no fact from a question or from commentary that names nothing checkable', () => {
    const text = [
      'The council voted on Monday to close the harbour bridge.',
      'Could this signal a new direction for the city?',
      'The implications of the vote are substantial.',
      'The business community also weighs in.',
      'The reaction has been swift and diverse.',
    ].join(' ');
    expect(statements(text)).toEqual(['The council voted on Monday to close the harbour bridge.']);
  });

  it('keeps a claim told in the past tense even without names or dates', () => {
    expect(statements('The council voted to rename the square.')).toEqual(['The council voted to rename the square.']);
  });

  it('takes no fact from the writer speaking for themselves', () => {
    expect(statements('To learn more, we spoke with Dr. Ana Ruiz of Leeds University. The port closed on Friday.')).toEqual(['The port closed on Friday.']);
  });

  it('makes one fact of a quotation and the speech tag that carries it', () => {
    const facts = extractReport('“The bridge will stay shut until the repairs are done,” Ana Ruiz said on Monday.').facts;
    expect(facts).toHaveLength(1);
    expect(facts[0].statement).toBe('The bridge will stay shut until the repairs are done,');
    expect(facts[0].attribution.source?.text).toBe('Ana Ruiz');
  });

  it('makes one fact of a sentence that states a claim and quotes within it', () => {
    const facts = extractReport('The mayor called the plan “a costly mistake for every taxpayer” and vetoed it on Friday.').facts;
    expect(facts).toHaveLength(1);
    expect(facts[0].statement).toContain('vetoed it on Friday');
  });

  it('never states the same thing twice in one report', () => {
    const text = 'The port closed on Friday.\nShips were diverted to Dover.\nThe port closed on Friday.';
    expect(statements(text)).toEqual(['The port closed on Friday.', 'Ships were diverted to Dover.']);
  });

  it('keeps at most the maximum number of claims, the lead among them', () => {
    const lines = Array.from({ length: 40 }, (_, index) => `Inspectors closed ${index + 2} warehouses in district ${index + 1} on Friday.`);
    const kept = statements(lines.join('\n'));
    expect(kept).toHaveLength(MAX_FACTS_PER_REPORT);
    expect(kept[0]).toBe(lines[0]);
  });
});

describe('page furniture is not a fact', () => {
  it('drops photo credits, captions, social and newsletter prompts, tip lines and editor\u2019s notes', () => {
    const text = [
      'The port closed on Friday after the storm.',
      'Dockers leave the harbour. SAUL LOEB via Getty Images.',
      'A crane is seen in this handout photo taken on Thursday.',
      'Follow Ana Ruiz on Twitter.',
      'Sign up for our morning newsletter to get the latest updates.',
      'Have a news tip? Send it to the newsroom.',
      'Editor\u2019s note: This story was updated on Saturday.',
      'Advertisement',
    ].join('\n');
    expect(statements(text)).toEqual(['The port closed on Friday after the storm.']);
  });

  it('starts the story at a wire dateline and ends it at the credits', () => {
    const text = [
      'Port shut after storm By the Wire Staff Cranes stand idle in the harbour on Friday. Story highlights Ships were diverted LONDON (Reuters) - The port of London closed on Friday after the storm.',
      'Ships were diverted to Dover, the harbour master said.',
      '(Reporting by Ana Ruiz; Editing by Tom Lee) A faster platform for trading data',
    ].join('\n');
    expect(statements(text)).toEqual(['The port of London closed on Friday after the storm.', 'Ships were diverted to Dover, the harbour master said.']);
  });
});

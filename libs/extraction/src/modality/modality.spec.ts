import { extractReport, type Modality } from '../index';

function modalityOf(sentence: string): Modality {
  const facts = extractReport(sentence, { publishedAt: '2025-03-14' }).facts;
  expect(facts).toHaveLength(1);
  return facts[0].modality;
}

describe('modality', () => {
  it('is asserted when the outlet says it in its own voice', () => {
    expect(modalityOf('The bridge reopened to traffic on Tuesday.')).toBe('asserted');
  });

  it('is a denial when the source denies it', () => {
    expect(modalityOf('The ministry denied that any payment had been made.')).toBe('denial');
  });

  it('is a denial when claims are rejected', () => {
    expect(modalityOf('The company rejected the allegations as baseless on Monday.')).toBe('denial');
  });

  it('is speculation with "could"', () => {
    expect(modalityOf('The strike could spread to other ports next month.')).toBe('speculation');
  });

  it('is not speculation for "would" in reported speech, but is for "could"', () => {
    expect(modalityOf('The minister said the army would withdraw from the city on Friday.')).toBe('reportedly');
    expect(modalityOf('The minister said the army could withdraw from the city on Friday.')).toBe('speculation');
  });

  it('ignores a modal inside a relative clause', () => {
    expect(modalityOf('The council published proposals that would raise parking fees.')).toBe('asserted');
  });

  it('is allegedly with "allegedly", even when attributed', () => {
    expect(modalityOf('The mayor allegedly accepted gifts, according to prosecutors.')).toBe('allegedly');
  });

  it('is reportedly with "reportedly" or an attribution', () => {
    expect(modalityOf('The singer reportedly cancelled the tour.')).toBe('reportedly');
    expect(modalityOf('Officials said that the dam was safe.')).toBe('reportedly');
  });

  it('is a quoted opinion for a quotation with its speaker', () => {
    expect(modalityOf('Jan Novak said, “This is the worst budget in a decade.”')).toBe('quoted_opinion');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractReport, proposeLinks, type ExtractedFact, type ExtractionResult } from './index';

const SEEDS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
const KYIV = '001_aa7f414d95469ee6.txt';
const NEWSHUB = '000_44e884010e3e9290.txt';
const present = existsSync(join(SEEDS, KYIV)) && existsSync(join(SEEDS, NEWSHUB));
if (!present) console.log(`founding-example tests skipped: the seed reports are not at ${SEEDS}`);

const read = (file: string): string => readFileSync(join(SEEDS, file), 'utf8');
const only = (facts: readonly ExtractedFact[], words: string): ExtractedFact => {
  const found = facts.filter((fact) => fact.statement.includes(words));
  expect(found).toHaveLength(1);
  return found[0];
};

(present ? describe : describe.skip)('the founding example', () => {
  let kyivText: string;
  let newshubText: string;
  let kyiv: ExtractionResult;
  let newshub: ExtractionResult;

  beforeAll(() => {
    kyivText = read(KYIV);
    newshubText = read(NEWSHUB);
    kyiv = extractReport(kyivText);
    newshub = extractReport(newshubText);
  });

  it('dates the Kyiv report from its dateline and leaves its outlet unknown', () => {
    expect(kyiv.publishedAt?.value).toBe('2025-11-20T00:00:00.000Z');
    expect(kyiv.dateline?.value).toBe('Kyiv, November 20, 2025');
    expect(kyiv.outlet).toBeNull();
  });

  it('attributes the Kyiv core claim to Politico, as an allegation', () => {
    const claim = only(kyiv.facts, 'back-channel talks with Ukrainian officials');
    expect(claim.attribution.source?.text).toBe('Politico');
    expect(claim.attribution.cue?.text).toBe('as reported by');
    expect(claim.modality).toBe('allegedly');
    expect(claim.entities.map((entity) => entity.name)).toContain('Steve Witkoff');
  });

  it('takes no fact from the placeholder address', () => {
    const dateline = kyiv.dateline!.evidence!;
    expect(kyiv.facts.every((fact) => fact.evidence.start > dateline.start)).toBe(true);
    expect(kyiv.facts.some((fact) => /Cardinal|Physical Address|Dorchester/.test(fact.statement))).toBe(false);
  });

  it('attributes Dr. Laura Mitchell’s quotations to her as quoted opinions', () => {
    const hers = kyiv.facts.filter((fact) => fact.modality === 'quoted_opinion' && fact.attribution.sourceName?.text === 'Dr. Laura Mitchell');
    expect(hers).toHaveLength(2);
    // One is introduced by "She emphasized": the source is the pronoun, its name resolved.
    expect(hers.map((fact) => fact.attribution.source?.text).sort()).toEqual(['Dr. Mitchell', 'She']);
    for (const fact of hers) {
      expect(kyivText[fact.evidence.start - 1]).toBe('\u201c');
      expect(fact.entities.map((entity) => entity.name)).toContain('Laura Mitchell');
    }
  });

  it('finds the Newshub outlet and date in its sign-off', () => {
    expect(newshub.outlet?.value).toBe('Newshub Editorial in Europe');
    expect(newshub.publishedAt?.value).toBe('2025-11-27T00:00:00.000Z');
    expect(newshubText.slice(newshub.outlet!.evidence!.start, newshub.outlet!.evidence!.end)).toBe('Newshub Editorial in Europe');
  });

  it('attributes the Newshub core claim to anonymous sources, reportedly, in recent months', () => {
    const claim = only(newshub.facts, 'advised a senior Kremlin official');
    expect(claim.attribution.source?.text).toBe('sources familiar with the discussions');
    expect(claim.attribution.cue?.text).toBe('according to');
    expect(claim.modality).toBe('reportedly');
    expect(claim.occurred).toEqual({ from: '2025-08-27T00:00:00.000Z', to: '2025-11-27T00:00:00.000Z', precision: 'fuzzy' });
  });

  it('takes no fact from the stray "Recent Comments" line or the sign-off', () => {
    expect(newshub.facts.some((fact) => /Recent Comments|Newshub/.test(fact.statement))).toBe(false);
  });

  it('reads each report as at most 15 checkable claims, with no question and no filler', () => {
    for (const result of [kyiv, newshub]) {
      expect(result.facts.length).toBeGreaterThanOrEqual(5);
      expect(result.facts.length).toBeLessThanOrEqual(15);
      expect(result.facts.some((fact) => /\?$/.test(fact.statement))).toBe(false);
      expect(new Set(result.facts.map((fact) => fact.statement)).size).toBe(result.facts.length);
    }
    const filler = ['Could this signal', 'The business community also weighs in', 'The implications of Witkoff', 'The reaction on social media'];
    for (const words of filler) expect(kyiv.facts.some((fact) => fact.statement.includes(words))).toBe(false);
  });

  it('keeps generic plurals as unnamed groups, apart from named sources', () => {
    const groups = newshub.facts.filter((fact) => /^(Critics|Others|Analysts)$/.test(fact.attribution.source?.text ?? ''));
    for (const fact of groups) expect(fact.attribution.sourceName).toBeNull();
  });

  it('gives every fact an evidence span that slices to its statement', () => {
    for (const [text, result] of [[kyivText, kyiv], [newshubText, newshub]] as const) {
      for (const fact of result.facts) {
        expect(text.slice(fact.evidence.start, fact.evidence.end).replace(/\s+/g, ' ').trim()).toBe(fact.statement);
        const { source, cue, sourceName } = fact.attribution;
        for (const span of [source, cue, sourceName]) if (span) expect(text.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it('proposes the contradiction between the two core claims', () => {
    const withIds = (result: ExtractionResult, reportId: string) =>
      result.facts.map((fact, index) => ({ ...fact, id: `${reportId}-${index}`, reportId }));
    const earlier = withIds(kyiv, 'kyiv');
    const later = withIds(newshub, 'newshub');
    const from = later.find((fact) => fact.statement.includes('advised a senior Kremlin official'))!;
    const to = earlier.find((fact) => fact.statement.includes('back-channel talks with Ukrainian officials'))!;
    const link = proposeLinks(later, earlier).find((candidate) => candidate.fromFactId === from.id && candidate.toFactId === to.id);
    expect(link).toMatchObject({ kind: 'contradicts' });
    expect(link!.score).toBeGreaterThan(0.7);
    expect(link!.reason).toMatch(/same actor \(Steve Witkoff\).*different counterpart \(a senior Kremlin official vs Ukrainian officials\)/);
  });
});

import { applyChanges, foldFact, inClockOrder, type FactVersionLike } from './fact-state';

const at = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
const original = { statement: 'Talks with Ukrainian officials.', attributedTo: 'Politico', modality: 'reportedly', evidence: { start: 0, end: 30 }, occurred: null } as const;

const reported: FactVersionLike = { kind: 'reported', changes: original, effectiveAt: at('2025-11-20T09:00:00Z'), position: 10n };
const corrected: FactVersionLike = { kind: 'corrected', changes: { statement: 'Talks with Russian officials.' }, effectiveAt: at('2025-11-28T10:00:00Z'), position: 20n };
/** Recorded after the correction, but it fixes how we transcribed the 20 Nov report. */
const amended: FactVersionLike = {
  kind: 'amended',
  changes: { statement: 'Talks with senior Ukrainian officials.', attributedTo: null },
  effectiveAt: at('2025-11-20T09:00:00Z'),
  position: 30n,
};
const retracted: FactVersionLike = { kind: 'retracted', changes: {}, effectiveAt: at('2025-11-29T00:00:00Z'), position: 40n };

describe('inClockOrder', () => {
  it('follows the log on the recorded clock, effective time then the log on the reported clock', () => {
    const versions = [retracted, amended, reported, corrected];
    expect(inClockOrder(versions, 'recorded').map((version) => version.position)).toEqual([10n, 20n, 30n, 40n]);
    expect(inClockOrder(versions, 'reported').map((version) => version.position)).toEqual([10n, 30n, 20n, 40n]);
  });
});

describe('foldFact', () => {
  it('applies a late amendment before an earlier-recorded correction on the reported clock', () => {
    expect(foldFact([reported, corrected, amended], 'reported')).toEqual({
      content: { ...original, statement: 'Talks with Russian officials.', attributedTo: null },
      status: 'active',
      corrected: true,
    });
    expect(foldFact([reported, corrected, amended], 'recorded')?.content.statement).toBe('Talks with senior Ukrainian officials.');
  });

  it('keeps a retracted fact, marked retracted, with its last statement', () => {
    expect(foldFact([reported, retracted], 'reported')).toEqual({ content: original, status: 'retracted', corrected: false });
  });

  it('starts from the reported version even when a correction claims an earlier time, and needs it', () => {
    const early = { ...corrected, effectiveAt: at('2025-11-01T00:00:00Z') };
    expect(foldFact([reported, early], 'reported')?.content.statement).toBe('Talks with Russian officials.');
    expect(foldFact([corrected, amended], 'reported')).toBeNull();
  });

  it('puts an undated report before what corrects it', () => {
    const undated = { ...reported, effectiveAt: null };
    expect(foldFact([corrected, undated], 'reported')?.content.statement).toBe('Talks with Russian officials.');
  });
});

describe('applyChanges', () => {
  it('sets the named fields, null included, and leaves the others', () => {
    expect(applyChanges(original, { attributedTo: null, modality: undefined })).toEqual({ ...original, attributedTo: null });
  });
});

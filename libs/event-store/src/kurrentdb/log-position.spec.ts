import { START as KURRENT_START, type Position } from '@kurrent/kurrentdb-client';
import { MAX_POSITION_PART, packPosition, readFrom, unpackPosition } from './log-position';

const MAX = 2n ** 64n - 1n;

/** `$all` order: commit first, then prepare. */
function compareInLog(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function samplePositions(): Position[] {
  const edges = [0n, 1n, 2n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, MAX - 1n, MAX];
  const pairs = edges.flatMap((commit) => edges.map((prepare) => ({ commit, prepare })));
  let seed = 0x2545f4914f6cdd1dn;
  for (let index = 0; index < 200; index++) {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) & MAX;
    pairs.push({ commit: seed >> 20n, prepare: (seed >> 20n) + (seed & 0xfffffn) });
  }
  return pairs.filter((pair) => pair.prepare <= MAX);
}

describe('KurrentDB position packing', () => {
  it('unpacks every packed position to the same commit and prepare, extremes included', () => {
    for (const position of samplePositions()) expect(unpackPosition(packPosition(position))).toEqual(position);
    expect(packPosition({ commit: 0n, prepare: 0n })).toBe(0n);
    expect(packPosition({ commit: 0n, prepare: MAX })).toBe(MAX);
    expect(packPosition({ commit: 1n, prepare: 0n })).toBe(2n ** 64n);
    expect(packPosition({ commit: MAX, prepare: MAX })).toBe(2n ** 128n - 1n);
    expect(MAX_POSITION_PART).toBe(MAX);
  });

  it('orders packed positions exactly as $all orders commit/prepare pairs', () => {
    const positions = samplePositions();
    const disagreements = positions.flatMap((a) =>
      positions.filter((b) => {
        const packed = packPosition(a) === packPosition(b) ? 0 : packPosition(a) < packPosition(b) ? -1 : 1;
        return packed !== compareInLog(a, b);
      }).map((b) => [a, b]),
    );
    expect(positions.length).toBeGreaterThan(250);
    expect(disagreements).toEqual([]);
  });

  it('keeps a later commit after any prepare of an earlier one, and prepares apart within a commit', () => {
    expect(packPosition({ commit: 7n, prepare: MAX })).toBeLessThan(packPosition({ commit: 8n, prepare: 0n }));
    expect(packPosition({ commit: 500n, prepare: 700n })).toBeLessThan(packPosition({ commit: 500n, prepare: 701n }));
    expect(packPosition({ commit: 500n, prepare: 700n })).not.toBe(packPosition({ commit: 700n, prepare: 500n }));
  });

  it('refuses halves outside uint64 and values it could not have packed', () => {
    expect(() => packPosition({ commit: -1n, prepare: 0n })).toThrow(/commit position -1/);
    expect(() => packPosition({ commit: 0n, prepare: MAX + 1n })).toThrow(/prepare position 18446744073709551616/);
    expect(() => unpackPosition(-1n)).toThrow(RangeError);
    expect(() => unpackPosition(2n ** 128n)).toThrow(RangeError);
    expect(() => unpackPosition(5 as unknown as bigint)).toThrow(RangeError);
  });
});

describe('where a read after a checkpoint starts', () => {
  it('starts from the beginning for START and below', () => {
    expect(readFrom(0n)).toBe(KURRENT_START);
    expect(readFrom(-3n)).toBe(KURRENT_START);
  });

  it('starts at the checkpoint event itself, unpacked', () => {
    const checkpoint = { commit: 9_876_543_210n, prepare: 9_876_543_300n };
    expect(readFrom(packPosition(checkpoint))).toEqual(checkpoint);
    expect(readFrom(1n)).toEqual({ commit: 0n, prepare: 1n });
  });
});

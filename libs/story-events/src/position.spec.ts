import { answerToJson, bigintsAsJson, comparePositions, positionFromJson, positionToJson, revisionToJson } from './position';

describe('positions crossing to JSON', () => {
  it('sends safe positions and revisions as numbers and refuses what JSON would round', () => {
    expect(positionToJson(42n)).toBe(42);
    expect(positionToJson(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => positionToJson(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => positionToJson(-1n)).toThrow(RangeError);
    expect(revisionToJson(3n)).toBe(3);
    expect(() => revisionToJson(2n ** 60n)).toThrow(/stream revision/);
    expect(positionFromJson('17')).toBe(17n);
    expect(() => positionFromJson(1.5)).toThrow(RangeError);
  });

  it('turns every bigint of an answer into a guarded number at the HTTP edge, and nothing else', () => {
    const answer = { position: 9n, entries: [{ position: 3n, text: 'x', n: 4 }], next: null };
    expect(JSON.parse(JSON.stringify(answer, bigintsAsJson))).toEqual({ position: 9, entries: [{ position: 3, text: 'x', n: 4 }], next: null });
    expect(() => JSON.stringify({ position: 2n ** 60n }, bigintsAsJson)).toThrow(RangeError);
  });

  it('writes the same numbers in JSON text outside the HTTP app (CLI, event streams)', () => {
    expect(answerToJson({ position: 7n, head: 12n, name: 'x' })).toBe('{"position":7,"head":12,"name":"x"}');
    expect(answerToJson({ position: 7n }, 2)).toBe('{\n  "position": 7\n}');
    expect(() => answerToJson({ position: 2n ** 60n })).toThrow(RangeError);
  });

  it('orders positions beyond 2^53 exactly', () => {
    const big = 2n ** 60n;
    expect([big + 1n, 3n, big, 10n].sort(comparePositions)).toEqual([3n, 10n, big, big + 1n]);
    expect(comparePositions(5n, 5n)).toBe(0);
  });
});

import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port';
import { toStreamState } from './stream-state';

describe("the port's expected revision as KurrentDB's streamState", () => {
  it('maps each named expectation to its KurrentDB constant', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
  });

  it('passes a revision through unchanged, since both count from 0', () => {
    expect(toStreamState(0n)).toBe(0n);
    expect(toStreamState(41n)).toBe(41n);
    expect(toStreamState(2n ** 63n - 1n)).toBe(2n ** 63n - 1n);
  });

  it('refuses what is neither a named expectation nor a revision', () => {
    expect(() => toStreamState(-1n)).toThrow(RangeError);
    expect(() => toStreamState('exists' as ExpectedRevision)).toThrow(/got exists/);
    expect(() => toStreamState(3 as unknown as ExpectedRevision)).toThrow(RangeError);
  });
});

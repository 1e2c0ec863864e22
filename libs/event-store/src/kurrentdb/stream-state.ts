import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port';

/**
 * The `streamState` KurrentDB checks before it writes, for the port's expected revision.
 * Both count revisions from 0 for a stream's first event, so a revision passes through as is.
 */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (typeof expected !== 'bigint' || expected < 0n) {
        throw new RangeError(`expected revision must be 'any', 'no_stream', 'stream_exists' or a bigint >= 0, got ${String(expected)}`);
      }
      return expected;
  }
}

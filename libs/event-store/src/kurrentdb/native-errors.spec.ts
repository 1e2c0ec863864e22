import {
  ErrorType,
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidAppendError } from '../errors';
import { isStreamNotFound, refusedAppend, toPortError } from './native-errors';

describe("KurrentDB's errors as the port's", () => {
  it('turns a wrong expected version into a ConcurrencyError with the actual revision', () => {
    const native = new WrongExpectedVersionError(undefined, { streamName: 'ns-story-1', expected: 0n, current: 1n });
    const mapped = toPortError(native, 'story-1', 0n);
    expect(mapped).toBeInstanceOf(ConcurrencyError);
    expect(mapped).toMatchObject({ streamId: 'story-1', expected: '0', actual: '1' });
  });

  it('says no_stream when the stream the append expected does not exist', () => {
    const native = new WrongExpectedVersionError(undefined, { streamName: 'story-2', expected: 'stream_exists', current: 'no_stream' });
    expect(toPortError(native, 'story-2', 'stream_exists')).toMatchObject({ name: 'ConcurrencyError', expected: 'stream_exists', actual: 'no_stream' });
  });

  it('recognises an error of the same shape from another copy of the client', () => {
    const lookalike = Object.assign(new Error('wrong version'), { type: 'wrong-expected-version', actualState: 4n });
    expect(toPortError(lookalike, 'story-3', 'no_stream')).toMatchObject({ name: 'ConcurrencyError', expected: 'no_stream', actual: '4' });
  });

  it('turns a size refusal into an InvalidAppendError naming the limit', () => {
    const mapped = toPortError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), 'story-4', 'any');
    expect(mapped).toBeInstanceOf(InvalidAppendError);
    expect((mapped as Error).message).toMatch(/too large \(limit 1048576 bytes\)/);
    const record = Object.assign(new Error('record'), { type: ErrorType.APPEND_RECORD_SIZE_EXCEEDED, size: 20, maxSize: 16 });
    expect(toPortError(record, 'story-4', 'any')).toBeInstanceOf(InvalidAppendError);
  });

  it('hands back every other error as it is', () => {
    const unavailable = new UnavailableError(undefined, 'no server');
    const plain = new Error('socket hang up');
    expect(toPortError(unavailable, 'story-5', 'any')).toBe(unavailable);
    expect(toPortError(plain, 'story-5', 'any')).toBe(plain);
    expect(toPortError('text', 'story-5', 'any')).toBe('text');
  });

  it("reads a client's success: false answer as the same refusal", () => {
    expect(refusedAppend({ success: true, nextExpectedRevision: 3n }, 'story-6', 2n)).toBeUndefined();
    expect(refusedAppend({ success: false, nextExpectedRevision: -1n }, 'story-6', 2n)).toMatchObject({ expected: '2', actual: 'no_stream' });
    expect(refusedAppend({ success: false, nextExpectedRevision: 5n }, 'story-6', 'no_stream')).toMatchObject({ actual: '5' });
  });

  it('knows a missing stream from other read failures', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'story-7'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError(undefined, 'no server'))).toBe(false);
    expect(isStreamNotFound(new Error('stream-not-found'))).toBe(false);
  });
});

import { ErrorType, type AppendResult as KurrentAppendResult } from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidAppendError, describeExpected } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

// Matched on the client's `type` tag rather than with instanceof, so that errors from a second
// copy of the client package (or rebuilt from another process) are recognised as well.
interface TaggedError {
  readonly type: string;
  readonly actualState?: unknown;
  readonly maxAppendSize?: unknown;
  readonly size?: unknown;
  readonly maxSize?: unknown;
}

const TOO_LARGE: readonly string[] = [
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.APPEND_RECORD_SIZE_EXCEEDED,
  ErrorType.TRANSACTION_MAX_SIZE_EXCEEDED,
];

/**
 * The port's error for what KurrentDB refused an append with: its wrong expected version
 * becomes {@link ConcurrencyError} (the stream's actual revision, or `no_stream`), a size
 * limit becomes {@link InvalidAppendError}; anything else (unavailable, access denied, ...)
 * is handed back unchanged.
 */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!isTagged(error)) return error;
  if (error.type === ErrorType.WRONG_EXPECTED_VERSION) {
    return new ConcurrencyError(streamId, describeExpected(expected), describeExpected(error.actualState ?? 'unknown'));
  }
  if (TOO_LARGE.includes(error.type)) {
    const limit = error.maxAppendSize ?? error.maxSize;
    return new InvalidAppendError(streamId, `KurrentDB refused it as too large${limit === undefined ? '' : ` (limit ${String(limit)} bytes)`}`);
  }
  return error;
}

/**
 * A client built with `throwOnAppendFailure: false` answers a wrong expected version with
 * `success: false` instead of an error; this is the same refusal as a {@link ConcurrencyError}.
 */
export function refusedAppend(result: KurrentAppendResult, streamId: string, expected: ExpectedRevision): ConcurrencyError | undefined {
  if (result.success) return undefined;
  const actual = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision.toString();
  return new ConcurrencyError(streamId, describeExpected(expected), actual);
}

/** KurrentDB's answer to reading a stream that has no events (the port reads it as empty). */
export function isStreamNotFound(error: unknown): boolean {
  return isTagged(error) && error.type === ErrorType.STREAM_NOT_FOUND;
}

function isTagged(error: unknown): error is TaggedError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string';
}

/** Every adapter maps its native "wrong expected version" to this one error. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
    this.name = 'ConcurrencyError';
  }
}

/** Some, but not all, of an append's event ids are already stored: not a safe retry. */
export class DuplicateEventError extends Error {
  constructor(readonly eventId: string, readonly streamId: string) {
    super(`event ${eventId} is already stored, but not as part of an identical append to ${streamId}`);
    this.name = 'DuplicateEventError';
  }
}

export function describeExpected(expected: unknown): string {
  return typeof expected === 'bigint' ? expected.toString() : String(expected);
}

/** An append the store refuses before looking at any stream: no events, a malformed event id, ... */
export class InvalidAppendError extends Error {
  constructor(readonly streamId: string, problem: string) {
    super(`cannot append to ${JSON.stringify(streamId)}: ${problem}`);
    this.name = 'InvalidAppendError';
  }
}

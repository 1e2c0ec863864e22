import type { Response } from 'express';
import { READ_YOUR_WRITES_HEADER, type ReadYourWrites } from '../read-model-sync';

/** What every write answers besides its own fields: the stream's new revision and read-your-writes. */
export interface WriteOutcome {
  /** The written stream's revision after the command (its ETag, for If-Match); null when the stream does not exist. */
  readonly revision: bigint | null;
  readonly readYourWrites: ReadYourWrites;
}

/**
 * Puts a write's outcome on the response: `ETag: "<revision>"` and `Storyline-Read-Your-Writes`;
 * the body keeps `readYourWrites` (so a client that ignores headers still learns it) and drops
 * `revision`, which the ETag carries.
 */
export function answerWrite<Answer extends WriteOutcome>(response: Response, answer: Answer): Omit<Answer, 'revision'> {
  const { revision, ...body } = answer;
  if (revision !== null) response.setHeader('ETag', `"${revision}"`);
  response.setHeader(READ_YOUR_WRITES_HEADER, answer.readYourWrites);
  return body;
}

/**
 * What read-your-writes came to for one write: the read models show it (`applied`), they did
 * not within the configured time (`timeout`), or the projector has stopped on an event it
 * could not apply (`projector-failed`). In every case the write itself is stored.
 */
export type ReadYourWrites = 'applied' | 'timeout' | 'projector-failed';
export const READ_YOUR_WRITES_OUTCOMES: readonly ReadYourWrites[] = ['applied', 'timeout', 'projector-failed'];

/** The response header that carries a write's {@link ReadYourWrites}. */
export const READ_YOUR_WRITES_HEADER = 'Storyline-Read-Your-Writes';

/**
 * Lets a write wait until the read models show it, so that a client that has just been
 * told "201, position 42" sees position 42 in its next read (read-your-writes).
 */
export interface ReadModelSync {
  /** Resolves once every projection has applied `position`, or says why it did not. Never rejects. */
  waitFor(position: bigint): Promise<ReadYourWrites>;
}

export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');

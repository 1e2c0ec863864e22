/**
 * Lets a write wait until the read models show it, so that a client that has just been
 * told "201, position 42" sees position 42 in its next read (read-your-writes).
 */
export interface ReadModelSync {
  /** Resolves true once every projection has applied `position`, false after the timeout. */
  waitFor(position: bigint): Promise<boolean>;
}

export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');

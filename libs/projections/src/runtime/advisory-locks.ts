/**
 * The advisory-lock keys Storyline takes, as (class, object) pairs of the two-integer form
 * so that `pg_locks` shows them apart from anyone else's: class 'STLN' is the projector's
 * leadership, the next class one lock per projection being rebuilt (`hashtext(name)`).
 */
export const ADVISORY_LOCKS = {
  projectorLeader: { classId: 0x53544c4e, objectId: 0 },
  rebuildClassId: 0x53544c4f,
} as const;

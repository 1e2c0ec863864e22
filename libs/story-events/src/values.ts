/**
 * Value types both sides of Storyline speak: the write side records them, the read side
 * answers with them. Declared once, here.
 */

/** A place in the global event log; positions only grow. Kept as bigint everywhere inside. */
export type Position = bigint;

/** Which clock an `asOf` instant is read on (SPEC: "Three clocks"). */
export type Clock = 'reported' | 'recorded';
export const CLOCKS: readonly Clock[] = ['reported', 'recorded'];

/** The three clocks a timeline can be ordered on. */
export type TimelineOrder = 'reported' | 'occurred' | 'recorded';
export const TIMELINE_ORDERS: readonly TimelineOrder[] = ['reported', 'occurred', 'recorded'];

/** The view a read asks for: up to an instant on one clock, and/or exactly at a log position. */
export interface AsOf {
  /** Only what was known by then on `clock`. */
  readonly asOf?: Date;
  /** Default `reported`. On the reported clock, a report of unknown publication time is left out. */
  readonly clock?: Clock;
  /** Only what the log held up to this position, so an earlier answer can be asked for again. */
  readonly atPosition?: Position;
}

/** A story as the API lists it. */
export interface StorySummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
}

/** Set on a request by whatever authenticated it (the access-control layer). */
export interface Authenticated {
  actor?: string;
  actorName?: string;
  role?: string;
}

/** Auditors and admins see events' metadata (actors, correlation); readers see the facts. */
export const seesMetadata = (request: Authenticated): boolean => request.role === 'auditor' || request.role === 'admin';

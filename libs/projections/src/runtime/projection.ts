import type { StoredEvent } from '@storyline/event-store';
import { SCHEMA_VERSIONS, type StorylineEvent, type StorylineEventType } from '@storyline/story-events';
import { upcast } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';

/**
 * A stored event narrowed to one of Storyline's own: a `switch` on `type` narrows `data`,
 * and ends in `assertNever` so that a new event type a projection forgets fails to compile.
 */
export type ProjectedEvent<E extends StorylineEvent = StorylineEvent> = E extends StorylineEvent
  ? StoredEvent<E['type'], E['data']>
  : never;

/** A projected event of one of the types `T`: what a projection that handles `T` is given. */
export type HandledEvent<T extends StorylineEventType> = ProjectedEvent<Extract<StorylineEvent, { readonly type: T }>>;

/**
 * A read model kept by following the global log. The runner hands it, in position order,
 * the events of one batch whose type it handles, inside the transaction that also moves
 * its checkpoint; it must neither commit nor swallow its own failures.
 *
 * It writes and reads only its own {@link Projection.tables}, by unqualified name (a rebuild
 * runs it against copies in another schema through `search_path`), and keeps no state
 * between calls outside them.
 */
export interface Projection<T extends StorylineEventType = StorylineEventType> {
  /** Its checkpoint's key in `projection_checkpoints`; renaming it rebuilds it from 0. */
  readonly name: string;
  /**
   * The event types it is given (no others): declared as a literal subset, so that its
   * `switch` covers exactly these, and a new event type touches only the projections that list it.
   */
  readonly handles: readonly T[];
  /**
   * Every table this projection alone keeps (unqualified, as in its SQL). A rebuild copies
   * them empty into a shadow schema, fills the copies from position 0 and swaps them in.
   */
  readonly tables: readonly string[];
  /**
   * Those of {@link Projection.tables} that it only ever inserts into (no upsert, no update),
   * each with the lookups its `apply` reads them through, as index definitions without name
   * and table (`(id) WHERE kind = 'report'`). While a rebuild fills their copies in bulk, they
   * have only these lookups; their keys and other indexes are built once the copies are full,
   * which costs far less than keeping them up to date row by row. Tables not listed keep all
   * their indexes throughout.
   */
  readonly appendOnly?: Readonly<Record<string, readonly string[]>>;
  apply(events: readonly HandledEvent<T>[], manager: EntityManager): Promise<void>;
}

const KNOWN_TYPES = new Set<string>(Object.keys(SCHEMA_VERSIONS));

/**
 * Narrows a stored event to a Storyline event in its current shape (older schema versions
 * are upcast), or null for a type the read side does not know (other event families share
 * the log). A newer schema than this code knows cannot be read safely, so `upcast` refuses it.
 */
export function asProjectedEvent(event: StoredEvent): ProjectedEvent | null {
  if (!KNOWN_TYPES.has(event.type)) return null;
  return upcast(event) as ProjectedEvent;
}

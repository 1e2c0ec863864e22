import type { StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, Projection } from '../runtime/projection';
import { insertRows } from '../runtime/sql';

const HANDLES = ['StoryOpened'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

/** Keeps `stories`: one row per StoryOpened. */
export class StoriesProjection implements Projection<Handled> {
  readonly name = 'stories';
  readonly tables = ['stories'];
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const rows: Record<string, unknown>[] = [];
    // It handles StoryOpened only: adding a type to HANDLES makes `event.data` below fail to compile.
    for (const event of events) {
      rows.push({ id: event.data.storyId, slug: event.data.slug, title: event.data.title, opened_at: event.recordedAt, position: event.position });
    }
    await insertRows(manager, 'stories', ['id', 'slug', 'title', 'opened_at', 'position'], rows);
  }
}

import { assertNever, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, Projection } from '../runtime/projection';
import { insertRows } from '../runtime/sql';

const HANDLES = ['StoryOpened', 'ReportsSplit', 'StoryRenamed', 'StoryMerged'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

const STORY_COLUMNS = ['id', 'slug', 'title', 'opened_at', 'position'] as const;

/**
 * Keeps `stories` (one row per story, opened or split off, with its current slug and title and
 * where it was merged) and `story_slugs` (every slug a story has held, so old ones keep answering).
 */
export class StoriesProjection implements Projection<Handled> {
  readonly name = 'stories';
  readonly tables = ['stories', 'story_slugs'];
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    let opened: Record<string, unknown>[] = [];
    const flush = async (): Promise<void> => {
      // A slug a story was renamed to is refused on open; should one race through, the first keeps it.
      await insertRows(manager, 'stories', STORY_COLUMNS, opened, 'ON CONFLICT DO NOTHING');
      await insertRows(manager, 'story_slugs', ['slug', 'story_id', 'position'], opened.map((row) => ({ slug: row.slug, story_id: row.id, position: row.position })), 'ON CONFLICT DO NOTHING');
      opened = [];
    };
    for (const event of events) {
      switch (event.type) {
        case 'StoryOpened':
          opened.push({ id: event.data.storyId, slug: event.data.slug, title: event.data.title, opened_at: event.recordedAt, position: event.position });
          break;
        case 'ReportsSplit':
          await flush();
          // The slug was claimed by the new story's stream; a rename racing it keeps the row it has.
          await manager.query(
            `INSERT INTO stories (id, slug, title, opened_at, position) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
            [event.data.storyId, event.data.slug, event.data.title, event.recordedAt, event.position.toString()],
          );
          await addSlug(manager, event.data.slug, event.data.storyId, event.position);
          break;
        case 'StoryRenamed':
          await flush();
          await manager.query('UPDATE stories SET title = $2 WHERE id = $1', [event.data.storyId, event.data.title]);
          // The write side refuses a taken slug; should two writers race, the first keeps it.
          await manager.query('UPDATE stories SET slug = $2 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM stories WHERE slug = $2 AND id <> $1)', [event.data.storyId, event.data.slug]);
          await addSlug(manager, event.data.slug, event.data.storyId, event.position);
          break;
        case 'StoryMerged':
          await flush();
          await manager.query('UPDATE stories SET merged_into = $2, merged_position = $3, merged_at = $4 WHERE id = $1', [
            event.data.storyId,
            event.data.intoStoryId,
            event.position.toString(),
            event.recordedAt,
          ]);
          break;
        default:
          assertNever(event);
      }
    }
    await flush();
  }
}

async function addSlug(manager: EntityManager, slug: string, storyId: string, position: bigint): Promise<void> {
  await manager.query('INSERT INTO story_slugs (slug, story_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [slug, storyId, position.toString()]);
}

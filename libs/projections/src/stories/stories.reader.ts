import type { DataSource } from 'typeorm';
import type { StorySummary } from '@storyline/story-events';
import { StoryRow } from '../schema/story.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the `stories` read model. */
export class StoriesReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Every story, in the order they were opened. */
  async list(): Promise<StorySummary[]> {
    const rows = await this.dataSource.getRepository(StoryRow).find({ order: { position: 'ASC' } });
    return rows.map(summary);
  }

  /** The story with this slug, or with this id; null when there is none. */
  async resolve(slugOrId: string): Promise<StorySummary | null> {
    const stories = this.dataSource.getRepository(StoryRow);
    const bySlug = await stories.findOneBy({ slug: slugOrId });
    if (bySlug) return summary(bySlug);
    if (!UUID.test(slugOrId)) return null;
    const byId = await stories.findOneBy({ id: slugOrId.toLowerCase() });
    return byId ? summary(byId) : null;
  }
}

const summary = (row: StoryRow): StorySummary => ({ id: row.id, slug: row.slug, title: row.title });

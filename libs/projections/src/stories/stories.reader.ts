import type { DataSource } from 'typeorm';
import type { AsOf, StorySummary } from '@storyline/story-events';
import { StoryRow } from '../schema/story.entity';
import { StorySlugRow } from '../schema/membership.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A story as a read answers it; `mergedFrom` when the URL named a story merged into this one. */
export interface ResolvedStory extends StorySummary {
  readonly mergedFrom?: { readonly id: string; readonly slug: string };
}

/** Merges are followed at most this far (a chain longer than this would be a cycle: refused on write). */
const MAX_MERGE_HOPS = 32;

/** Reads the `stories` read model. */
export class StoriesReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Every story, in the order they were opened (merged ones too, saying where they went). */
  async list(): Promise<(StorySummary & { mergedInto?: string })[]> {
    const rows = await this.dataSource.getRepository(StoryRow).find({ order: { position: 'ASC' } });
    return rows.map((row) => (row.mergedInto ? { ...summary(row), mergedInto: row.mergedInto } : summary(row)));
  }

  /** The story with this slug (its current one, else one it held), or with this id; null when there is none. */
  async resolve(slugOrId: string): Promise<StorySummary | null> {
    const row = await this.row(slugOrId);
    return row ? summary(row) : null;
  }

  /**
   * The story a URL names, as a view sees it: a story merged before the view answers as the
   * story it went into (transitively), with `mergedFrom` naming the one asked for.
   */
  async resolveInView(slugOrId: string, view: AsOf = {}): Promise<ResolvedStory | null> {
    const asked = await this.row(slugOrId);
    if (!asked) return null;
    let current = asked;
    for (let hop = 0; hop < MAX_MERGE_HOPS && current.mergedInto && mergedBefore(current, view); hop++) {
      const next = await this.dataSource.getRepository(StoryRow).findOneBy({ id: current.mergedInto });
      if (!next) break;
      current = next;
    }
    return current === asked ? summary(asked) : { ...summary(current), mergedFrom: { id: asked.id, slug: asked.slug } };
  }

  private async row(slugOrId: string): Promise<StoryRow | null> {
    const stories = this.dataSource.getRepository(StoryRow);
    const bySlug = await stories.findOneBy({ slug: slugOrId });
    if (bySlug) return bySlug;
    const held = await this.dataSource.getRepository(StorySlugRow).findOneBy({ slug: slugOrId });
    if (held) return stories.findOneBy({ id: held.storyId });
    if (!UUID.test(slugOrId)) return null;
    return stories.findOneBy({ id: slugOrId.toLowerCase() });
  }
}

/** Was the merge in the view? Membership decisions are on the recorded clock (see membership.reader.ts). */
function mergedBefore(row: StoryRow, view: AsOf): boolean {
  if (view.atPosition !== undefined && row.mergedPosition !== null && view.atPosition < row.mergedPosition) return false;
  if (view.asOf !== undefined && view.clock === 'recorded' && row.mergedAt !== null && view.asOf < row.mergedAt) return false;
  return true;
}

const summary = (row: StoryRow): StorySummary => ({ id: row.id, slug: row.slug, title: row.title });

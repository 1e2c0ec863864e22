import type { DataSource } from 'typeorm';
import { FactVersionRow } from '../schema/fact-version.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds which story a fact belongs to, so a write about the fact goes to that story's stream. */
export class FactLocator {
  constructor(private readonly dataSource: DataSource) {}

  /** The story of the fact, or null when no fact has this id (as far as the projection has read). */
  async storyOf(factId: string): Promise<string | null> {
    if (!UUID.test(factId)) return null;
    const row = await this.dataSource
      .getRepository(FactVersionRow)
      .createQueryBuilder('version')
      .select('version.storyId', 'storyId')
      .where('version.factId = :factId', { factId: factId.toLowerCase() })
      .limit(1)
      .getRawOne<{ storyId: string }>();
    return row?.storyId ?? null;
  }
}

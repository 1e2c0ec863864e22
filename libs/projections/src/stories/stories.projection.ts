import { assertNever, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { ProjectedEvent, Projection } from '../runtime/projection';
import { insertRows } from '../runtime/sql';

/** Keeps `stories`: one row per StoryOpened. */
export class StoriesProjection implements Projection {
  readonly name = 'stories';
  readonly tables = ['stories'];
  readonly handles: readonly StorylineEventType[] = ['StoryOpened'];

  async apply(events: readonly ProjectedEvent[], manager: EntityManager): Promise<void> {
    const rows: Record<string, unknown>[] = [];
    for (const event of events) {
      switch (event.type) {
        case 'StoryOpened':
          rows.push({ id: event.data.storyId, slug: event.data.slug, title: event.data.title, opened_at: event.recordedAt, position: event.position });
          break;
        case 'ReportIngested':
        case 'FactReported':
        case 'SourceRegistered':
        case 'SourceAliasAdded':
        case 'FactAmended':
        case 'FactCorrected':
        case 'FactRetracted':
        case 'FactsLinked':
        case 'VerdictRecorded':
        case 'LinkProposed':
        case 'LinkProposalResolved':
          break;
        default:
          assertNever(event);
      }
    }
    await insertRows(manager, 'stories', ['id', 'slug', 'title', 'opened_at', 'position'], rows);
  }
}

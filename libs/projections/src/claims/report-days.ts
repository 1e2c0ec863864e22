import { reportDayMentions } from '@storyline/extraction';
import type { ReportIngested } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { ProjectedEvent } from '../runtime/projection';

/**
 * Keeps the days a report names in any sentence (`claim_report_days`), with its outlet and
 * publication time, for the key-developments ranking: a day that reports published later
 * look back at is a key day. Read from the report's own text, so it costs one pass of date
 * parsing per report, nothing per fact.
 */
export async function saveReportDays(manager: EntityManager, event: ProjectedEvent<ReportIngested>, outlet: string, reportedAt: Date | null): Promise<void> {
  const mentions = reportDayMentions(event.data.text, reportedAt?.toISOString() ?? null);
  if (mentions.length === 0) return;
  await manager.query(
    `INSERT INTO claim_report_days (report_id, day, story_id, outlet, reported_at, recorded_at, sentences, first_sentence, calendar, position)
     SELECT $1, mention.day, $2, $3, $4, $5, mention.sentences, mention.first_sentence, mention.calendar, $6
       FROM unnest($7::text[], $8::int[], $9::int[], $10::boolean[]) AS mention(day, sentences, first_sentence, calendar)
     ON CONFLICT DO NOTHING`,
    [
      event.data.reportId, event.data.storyId, outlet, reportedAt, event.recordedAt, event.position.toString(),
      mentions.map((mention) => mention.day), mentions.map((mention) => mention.sentences), mentions.map((mention) => mention.firstSentence), mentions.map((mention) => mention.calendar),
    ],
  );
}

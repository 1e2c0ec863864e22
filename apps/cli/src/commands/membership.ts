import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetMembershipQuery, parseAsOf, type MembershipView } from '@storyline/projections';
import { newId } from '@storyline/story-events';
import {
  MergeStoriesCommand,
  MoveReportCommand,
  parseMergeStories,
  parseMoveReport,
  parseRenameStory,
  parseSplitReports,
  RenameStoryCommand,
  SplitReportsCommand,
  type CommandContext,
} from '@storyline/timeline';
import { userInfo } from 'node:os';

function context(): CommandContext {
  const commandId = newId();
  return { actor: `cli:${userInfo().username}`, correlationId: commandId, commandId, idempotencyKey: null, expectedRevision: null };
}

const list = (value: string | undefined): string[] | undefined => value?.split(',').map((item) => item.trim()).filter((item) => item.length > 0);

/** The options read through the API's own parsers, so the CLI refuses exactly what the API refuses. */
export async function mergeStories(app: INestApplicationContext, story: string, options: { into?: string; reason?: string }) {
  const { into, reason } = parseMergeStories({ into: options.into, reason: options.reason });
  return app.get(CommandBus).execute(new MergeStoriesCommand(story, into, reason, context()));
}

export async function splitReports(app: INestApplicationContext, story: string, options: { reports?: string; slug?: string; title?: string; reason?: string }) {
  const { reportIds, slug, title, reason } = parseSplitReports({ reports: list(options.reports), slug: options.slug, title: options.title, reason: options.reason });
  return app.get(CommandBus).execute(new SplitReportsCommand(story, reportIds, slug, title, reason, context()));
}

export async function moveReport(app: INestApplicationContext, report: string, options: { to?: string; reason?: string }) {
  const { to, reason } = parseMoveReport({ to: options.to, reason: options.reason });
  return app.get(CommandBus).execute(new MoveReportCommand(report.toLowerCase(), to, reason, context()));
}

export async function renameStory(app: INestApplicationContext, story: string, options: { slug?: string; title?: string; reason?: string }) {
  const body: Record<string, unknown> = { reason: options.reason };
  if (options.slug !== undefined) body.slug = options.slug;
  if (options.title !== undefined) body.title = options.title;
  const { slug, title, reason } = parseRenameStory(body);
  return app.get(CommandBus).execute(new RenameStoryCommand(story, slug, title, reason, context()));
}

export async function membershipHistory(app: INestApplicationContext, story: string, options: { asOf?: string; clock?: string; atPosition?: string }): Promise<MembershipView> {
  const query: Record<string, unknown> = {};
  for (const key of ['asOf', 'clock', 'atPosition'] as const) if (options[key] !== undefined) query[key] = options[key];
  return app.get(QueryBus).execute(new GetMembershipQuery(story, parseAsOf(query)));
}

/** One line per change, oldest first, then the reports the story holds. */
export function formatHistory(view: MembershipView): string {
  const merged = view.story.mergedInto ? `, merged into ${view.story.mergedInto}` : '';
  const lines = view.changes.map((change) => {
    const what =
      change.kind === 'renamed'
        ? `renamed ${String(change.details.previousSlug)} "${String(change.details.previousTitle)}" -> ${String(change.details.slug)} "${String(change.details.title)}"`
        : `${change.kind} ${change.reportIds.length} report(s) ${change.storyId} -> ${change.toStoryId}`;
    return `${change.recordedAt}  #${change.position}  ${what}  by ${change.actor}: ${change.reason}`;
  });
  return [`${view.story.title} (${view.story.slug})${merged}, as of log position ${view.position}`, ...(lines.length ? lines : ['no membership changes']), `${view.reports.length} reports now: ${view.reports.join(' ')}`].join('\n');
}

import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IngestReportCommand, OpenStoryCommand, parseOpenStory, parseReport, submissionFromText, type CommandContext, type ReportIngestedAnswer } from '@storyline/timeline';
import { DomainError, newId, storyIdForSlug } from '@storyline/story-events';
import { read } from '@storyline/story-events';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { userInfo } from 'node:os';
import { CliError, EXIT } from '../cli-error';
import { progress } from '../progress';

export interface IngestOptions {
  readonly story: string;
  readonly outlet?: string;
  readonly publishedAt?: string;
  /** Open the story first when it does not exist yet (with this title, or the slug). */
  readonly create?: boolean;
  readonly title?: string;
}

export interface IngestOutcome {
  readonly file: string;
  readonly index: number;
  readonly answer: ReportIngestedAnswer;
}

function context(): CommandContext {
  const commandId = newId();
  return { actor: `cli:${userInfo().username}`, correlationId: commandId, commandId, idempotencyKey: null, expectedRevision: null };
}

/** A report as read from a file: structured JSON, or raw text for the extractor. */
type FileReport = { readonly kind: 'json'; readonly body: unknown } | { readonly kind: 'text'; readonly text: string };

/**
 * A JSON file holds one report, a list of them, or a story bundle `{story, reports}`; any
 * other file is one report's raw text, as published.
 */
function reportsIn(file: string): FileReport[] {
  if (extname(file).toLowerCase() !== '.json') return [{ kind: 'text', text: readText(file) }];
  return jsonReports(file).map((body) => ({ kind: 'json', body }));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`, EXIT.badInput);
  }
}

function jsonReports(file: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file));
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`, EXIT.badInput);
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { reports?: unknown }).reports)) return (parsed as { reports: unknown[] }).reports;
  return [parsed];
}

function withDefaults(report: unknown, options: IngestOptions): unknown {
  if (!report || typeof report !== 'object' || Array.isArray(report)) return report;
  const given = report as Record<string, unknown>;
  return { ...given, outlet: given.outlet ?? options.outlet, publishedAt: given.publishedAt ?? options.publishedAt };
}

function ingestCommand(storyId: string, report: FileReport, options: IngestOptions): IngestReportCommand {
  if (report.kind === 'json') return new IngestReportCommand(storyId, parseReport(withDefaults(report.body, options), ['outlet', 'publishedAt']), context());
  const hints = { outlet: options.outlet ?? null, publishedAt: options.publishedAt === undefined ? null : parseInstant(options.publishedAt) };
  const { report: submission, extractor } = submissionFromText(report.text, hints);
  return new IngestReportCommand(storyId, submission, context(), { extractor });
}

const parseInstant = (value: string): string => {
  try {
    return read.instant(value, '--published-at');
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.badInput);
  }
};

async function ensureStory(commands: CommandBus, options: IngestOptions): Promise<void> {
  const { slug, title } = parseOpenStory({ slug: options.story, title: options.title ?? options.story });
  await commands.execute(new OpenStoryCommand(slug, title, context())).catch((error: unknown) => {
    if (!(error instanceof DomainError && error.code === 'STORY.SLUG_TAKEN')) throw error;
  });
}

/**
 * Ingests every report of every file, in order, through the same command the API uses.
 * Each report is all-or-nothing; the first bad one stops the run, and what came before it
 * stays ingested (running again is safe: a report already stored is answered, not re-added).
 */
export async function ingestFiles(app: INestApplicationContext, files: readonly string[], options: IngestOptions): Promise<IngestOutcome[]> {
  const batches = files.map((file) => ({ file, reports: reportsIn(file) }));
  const commands = app.get(CommandBus);
  if (options.create) await ensureStory(commands, options);
  const storyId = storyIdForSlug(options.story);
  const bar = progress('ingesting', batches.reduce((sum, batch) => sum + batch.reports.length, 0));
  const outcomes: IngestOutcome[] = [];
  try {
    for (const { file, reports } of batches) {
      for (const [index, report] of reports.entries()) {
        const where = reports.length > 1 ? `${file} (report ${index + 1})` : file;
        try {
          outcomes.push({ file, index, answer: await commands.execute(ingestCommand(storyId, report, options)) });
        } catch (error) {
          if (error instanceof DomainError) throw new CliError(`${where}: ${error.message}`, error.code === 'VALIDATION.INVALID' ? EXIT.badInput : EXIT.failed);
          throw error;
        }
        bar.advance();
      }
    }
  } finally {
    bar.stop();
  }
  return outcomes;
}

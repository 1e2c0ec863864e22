import type { INestApplicationContext } from '@nestjs/common';
import { CliError, describeFailure, EXIT } from '../cli-error';
import { QueryBus } from '@nestjs/cqrs';
import { StoriesReader } from '@storyline/projections';
import { ReplayStoryQuery, ReplayStreamer, resolveStory, type ReplayPage, type ReplayStep, type ReplaySummary } from '@storyline/projections';
import { answerToJson, invalid, type Position } from '@storyline/story-events';

export interface ReplayOptions {
  readonly after?: string;
  readonly json?: boolean;
  readonly follow?: boolean;
}

function after(value: string | undefined): Position {
  if (value === undefined) return 0n;
  if (!/^\d{1,15}$/.test(value)) throw invalid('--after', `must be a log position, got "${value}"`);
  return BigInt(value);
}

/** One line per event: where it is in the log, what it was, and the story after it. */
export function formatStep(step: ReplayStep): string {
  const state = step.state as ReplaySummary | undefined;
  const data = step.data as Record<string, unknown>;
  const what = String(data.statement ?? data.title ?? data.outlet ?? data.verdict ?? data.kind ?? data.reason ?? '');
  const summary = state ? `  [${state.reports} reports, ${state.facts} facts, ${state.retracted} retracted]` : '';
  return `${String(step.position).padStart(8)}  ${step.recordedAt.slice(0, 19)}  ${step.type.padEnd(16)} ${what.slice(0, 80)}${summary}`;
}

/** Prints every event of the story, page by page; with `follow`, keeps printing new ones until Ctrl-C. */
export async function replay(app: INestApplicationContext, story: string, options: ReplayOptions, print: (line: string) => void): Promise<void> {
  const show = (step: ReplayStep): void => print(options.json ? answerToJson(step) : formatStep(step));
  if (options.follow) {
    const { id } = await resolveStory(app.get(StoriesReader), story);
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort());
    let last = after(options.after);
    const send = (step: ReplayStep): void => {
      last = step.position;
      show(step);
    };
    // A database that restarts is waited for (the follower retries with backoff); anything else ends the command.
    try {
      await app.get(ReplayStreamer).stream(id, last, 'summary', { signal: abort.signal, send });
    } catch (error) {
      if (abort.signal.aborted) return;
      throw new CliError(`following ${story} stopped after position ${last} (${describeFailure(error).message}); run again with --after ${last} to go on`, EXIT.failed);
    }
    return;
  }
  let cursor: Position | null = after(options.after);
  while (cursor !== null) {
    const page: ReplayPage = await app.get(QueryBus).execute(new ReplayStoryQuery(story, cursor, 1000, 'summary'));
    page.events.forEach(show);
    cursor = page.next;
  }
}

import { EVENT_STORE } from '@storyline/event-store';
import { StoriesReader } from '@storyline/projections';
import { EventFeed, readPosition, readStories, readTypes, type FeedEvent } from '@storyline/subscriptions';
import { answerToJson } from '@storyline/story-events';
import { Command } from 'commander';
import { withStoryline } from '../cli-context';

type Print = (line: string) => void;

/** One line per event: where, when, what, and which story. */
export function formatEvent(event: FeedEvent): string {
  return `${String(event.position).padStart(8)}  ${event.recordedAt.slice(0, 19)}  ${event.type.padEnd(20)} ${event.story ?? event.streamId}`;
}

/** `storyline events [--after --types --story --follow --json]`: the global feed, like GET /events(/stream). */
export function registerEventsCommand(cli: Command, print: Print): void {
  cli
    .command('events')
    .description('print the whole log in order (every story), filtered; --follow keeps going live')
    .option('--after <position>', 'start after this log position')
    .option('--types <types>', 'comma-separated event types')
    .option('--story <stories>', 'comma-separated story slugs or ids')
    .option('--follow', 'keep printing new events as they are recorded (Ctrl-C stops)')
    .option('--json', 'one JSON object per line (NDJSON), with metadata')
    .action(async (options) => {
      const show = (event: FeedEvent): void => print(options.json ? answerToJson(event) : formatEvent(event));
      await withStoryline(async (app) => {
        const feed = new EventFeed(app.get(EVENT_STORE));
        const filter = { types: readTypes(options.types, '--types'), stories: await readStories(app.get(StoriesReader), options.story, '--story') };
        let after = readPosition(options.after, '--after');
        if (options.follow) {
          const abort = new AbortController();
          process.once('SIGINT', () => abort.abort());
          return feed.follow(after, filter, true, { signal: abort.signal, send: show });
        }
        for (;;) {
          const page = await feed.page(after, 1000, filter, true);
          page.events.forEach(show);
          if (page.next === null) return;
          after = BigInt(page.next);
        }
      });
    });
}

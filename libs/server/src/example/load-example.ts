import { Logger, type INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { IngestReportCommand, OpenStoryCommand, RegisterSourceCommand, parseOpenStory, parseRegisterSource, parseReport, type CommandContext } from '@storyline/timeline';
import { DomainError, newId, storyIdForSlug } from '@storyline/story-events';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const EXAMPLE = join('examples', 'founding-story.json');

/** The example ships in the repository; find it from the source tree or from dist/. */
export function findExampleFile(): string | null {
  const candidates = [resolve(EXAMPLE), resolve(__dirname, '../../../..', EXAMPLE), resolve(__dirname, '../../../../..', EXAMPLE)];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

function context(key: string): CommandContext {
  const commandId = newId();
  return { actor: 'system:example-loader', correlationId: 'example:founding-story', commandId, idempotencyKey: key, expectedRevision: null };
}

interface ExampleFile {
  story: unknown;
  sources?: unknown[];
  reports: unknown[];
}

/**
 * Loads the founding example through the same commands a user's requests go through, but
 * only into an empty log: a database that holds anything is the user's, not ours.
 */
export async function loadExampleIfEmpty(app: INestApplication, file = findExampleFile()): Promise<boolean> {
  const logger = new Logger('example');
  const store = app.get<EventStore>(EVENT_STORE);
  if ((await store.headPosition()) > 0n) return false;
  if (!file) {
    logger.warn(`no ${EXAMPLE} found; starting with an empty database`);
    return false;
  }
  const example = JSON.parse(readFileSync(file, 'utf8')) as ExampleFile;
  const commands = app.get(CommandBus);
  for (const [index, source] of (example.sources ?? []).entries()) {
    const { name, kind, aliases } = parseRegisterSource(source);
    await commands.execute(new RegisterSourceCommand(name, kind, aliases, context(`example:source:${index}`))).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'SOURCE.ALREADY_REGISTERED')) throw error;
    });
  }
  const { slug, title } = parseOpenStory(example.story);
  await commands.execute(new OpenStoryCommand(slug, title, context(`example:story`)));
  for (const [index, report] of example.reports.entries()) {
    const parsed = parseReport(report, ['outlet', 'publishedAt']);
    await commands.execute(new IngestReportCommand(storyIdForSlug(slug), parsed, context(`example:report:${index}`)));
  }
  logger.log(`loaded the example story "${slug}" (${example.reports.length} reports) from ${file}`);
  return true;
}

import 'reflect-metadata';
import { ConfigError, loadConfig } from '@storyline/database';
import { ListStoriesQuery } from '@storyline/projections';
import { QueryBus } from '@nestjs/cqrs';
import { Command, CommanderError, Option } from 'commander';
import { CliError, describeFailure, EXIT } from './cli-error';
import { serve } from '@storyline/server';
import { withStoryline } from './cli-context';
import { ingestFiles } from './commands/ingest';
import { exportStory } from './commands/export';
import { extractFile, formatExtraction } from './commands/extract';
import { createKey, listKeys, revokeKey } from './commands/keys';
import { checkProjectionName, formatRebuild, PROJECTION_NAMES, rebuildProjections } from './commands/rebuild';
import { replay } from './commands/replay';
import { registerEventsCommand } from './commands/events';
import { registerSubscriptionCommands } from './commands/subscriptions';
import { formatTimeline, readTimeline } from './commands/timeline';
import { failIfBroken, formatVerify, verifyLog } from './commands/verify';
import { failIfRejected, formatExportVerification, verifyExportFile } from './commands/verify-export';

function program(): Command {
  const cli = new Command('storyline')
    .description('Event-sourced story timelines: who reported what, when.\nDatabase: DATABASE_URL, or the embedded PostgreSQL in STORYLINE_DATA_DIR (default .storyline).')
    .exitOverride()
    .showHelpAfterError();

  cli.command('serve').description('start the HTTP API (and its projector)').action(async () => {
    await serve(loadConfig());
    await new Promise(() => undefined);
  });

  cli
    .command('ingest')
    .description('ingest reports into a story: JSON (one, a list, or {story, reports}) or raw text files, whose facts are extracted')
    .argument('<files...>', 'JSON or text files')
    .requiredOption('--story <slug>', 'the story to add the reports to')
    .option('--outlet <name>', 'outlet for reports that do not name one')
    .option('--published-at <instant>', 'publication time for reports that do not give one (ISO-8601)')
    .option('--create', 'open the story first if it does not exist')
    .option('--title <title>', 'title for a story opened with --create')
    .option('--json', 'print the answers as JSON')
    .action(async (files: string[], options) => {
      const outcomes = await withStoryline((app) => ingestFiles(app, files, options));
      if (options.json) return print(JSON.stringify(outcomes.map(({ file, answer }) => ({ file, ...answer })), null, 2));
      for (const { file, answer } of outcomes) {
        const what = answer.created ? `ingested report ${answer.reportId} with ${answer.factIds.length} facts` : `already ingested as report ${answer.reportId}; nothing added`;
        print(`${file}: ${what} (position ${answer.position})`);
      }
    });

  cli
    .command('extract')
    .description('show the facts the extractor finds in a text file (nothing is stored)')
    .argument('<file>', 'the raw article text')
    .option('--published-at <instant>', 'the publication time, if the text does not say')
    .option('--outlet <name>', 'the outlet, if the text does not say')
    .option('--json', 'print the POST /extract answer as JSON')
    .action((file: string, options) => {
      const result = extractFile(file, options);
      print(options.json ? JSON.stringify(result, null, 2) : formatExtraction(result));
    });

  cli
    .command('timeline')
    .description("show a story's timeline")
    .argument('<story>', 'slug or id')
    .addOption(new Option('--order <clock>', 'order by').choices(['reported', 'occurred', 'recorded']).default('reported'))
    .option('--as-of <instant>', 'only what was known by then (ISO-8601)')
    .addOption(new Option('--clock <clock>', 'the clock --as-of filters on').choices(['reported', 'recorded']))
    .option('--at-position <position>', 'reproduce the view at this log position')
    .option('--json', 'print the API answer as JSON')
    .action(async (story: string, options) => {
      const view = await withStoryline((app) => readTimeline(app, story, options));
      print(options.json ? JSON.stringify(view, null, 2) : formatTimeline(view));
    });

  cli
    .command('replay')
    .description("print a story's events in order with its state after each")
    .argument('<story>', 'slug or id')
    .option('--after <position>', 'start after this log position')
    .option('--follow', 'keep printing new events as they are recorded (Ctrl-C stops)')
    .option('--json', 'one JSON object per line (NDJSON)')
    .action(async (story: string, options) => {
      await withStoryline((app) => replay(app, story, options, print));
    });

  cli
    .command('rebuild')
    .description('rebuild read models from position 0 beside the live ones, then swap them in (the API keeps answering)')
    .argument('[projection]', `one of ${PROJECTION_NAMES.join(', ')}; all of them when omitted`)
    .option('--json', 'print the finished rebuild as JSON')
    .action(async (projection: string | undefined, options) => {
      checkProjectionName(projection);
      const done = await withStoryline((app) => rebuildProjections(app, projection));
      print(options.json ? JSON.stringify(done, null, 2) : formatRebuild(done));
    });

  cli
    .command('verify')
    .description("verify the event log's hash chain from the first event to the newest (exit 1 if it does not hold)")
    .option('--expect-head <hash>', 'a head hash kept elsewhere: the log must still contain it')
    .option('--expect-head-position <position>', 'the position kept with that hash')
    .option('--json', 'print the report as JSON')
    .action(async (options) => {
      const report = await withStoryline((app) => verifyLog(app, options));
      print(options.json ? JSON.stringify(report, null, 2) : formatVerify(report));
      failIfBroken(report);
    });

  cli
    .command('export')
    .description("export a story's full history as NDJSON, verifiable offline with verify-export")
    .argument('<story>', 'slug or id')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (story: string, options) => {
      const count = await withStoryline((app) => exportStory(app, story, options));
      if (options.output) process.stderr.write(`exported ${count} events to ${options.output}\n`);
    });

  cli
    .command('verify-export')
    .description('verify an export file offline, with no database (exit 1 if it does not verify)')
    .argument('<file>', 'an NDJSON export')
    .action(async (file: string) => {
      const report = await verifyExportFile(file);
      print(formatExportVerification(file, report));
      failIfRejected(file, report);
    });

  const keys = cli.command('keys').description('API keys (stored hashed; a secret is shown once)');
  keys
    .command('create')
    .description('create a key and print its secret once')
    .addOption(new Option('--role <role>', 'what the key may do').choices(['reader', 'editor', 'auditor', 'admin']).makeOptionMandatory())
    .option('--name <name>', 'who or what holds the key')
    .action(async (options) => print(await createKey(options.role, options.name)));
  keys.command('list').description('list keys (never their secrets)').action(async () => print(await listKeys()));
  keys
    .command('revoke')
    .argument('<id>', 'the key id')
    .description('revoke a key at once')
    .action(async (id: string) => print(await revokeKey(id)));

  cli
    .command('stories')
    .description('list the stories')
    .option('--json', 'print as JSON')
    .action(async (options) => {
      const stories = await withStoryline((app) => app.get(QueryBus).execute(new ListStoriesQuery()));
      if (options.json) return print(JSON.stringify({ stories }, null, 2));
      for (const story of stories) print(`${story.slug.padEnd(32)} ${story.title}`);
      if (stories.length === 0) print('no stories yet');
    });

  registerEventsCommand(cli, print);
  registerSubscriptionCommands(cli, print);
  return cli;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export async function run(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.badInput;
    }
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`error: ${message}\n`);
    return exitCode;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}

export { CliError };

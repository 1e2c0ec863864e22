import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { answerToJson } from '@storyline/story-events';
import { CliError, describeFailure, EXIT } from './cli-error';

// Each command loads its own code when it runs (`require` inside the action): loading every
// command's imports up front made `storyline --help` take seconds.
type Commands = {
  serve: typeof import('@storyline/server');
  context: typeof import('./cli-context');
  ingest: typeof import('./commands/ingest');
  export: typeof import('./commands/export');
  extract: typeof import('./commands/extract');
  keys: typeof import('./commands/keys');
  membership: typeof import('./commands/membership');
  migrate: typeof import('./commands/migrate');
  rebuild: typeof import('./commands/rebuild');
  replay: typeof import('./commands/replay');
  timeline: typeof import('./commands/timeline');
  verify: typeof import('./commands/verify');
  verifyExport: typeof import('./commands/verify-export');
};

const load = {
  serve: (): Commands['serve'] => require('@storyline/server'),
  context: (): Commands['context'] => require('./cli-context'),
  ingest: (): Commands['ingest'] => require('./commands/ingest'),
  export: (): Commands['export'] => require('./commands/export'),
  extract: (): Commands['extract'] => require('./commands/extract'),
  keys: (): Commands['keys'] => require('./commands/keys'),
  membership: (): Commands['membership'] => require('./commands/membership'),
  migrate: (): Commands['migrate'] => require('./commands/migrate'),
  rebuild: (): Commands['rebuild'] => require('./commands/rebuild'),
  replay: (): Commands['replay'] => require('./commands/replay'),
  timeline: (): Commands['timeline'] => require('./commands/timeline'),
  verify: (): Commands['verify'] => require('./commands/verify'),
  verifyExport: (): Commands['verifyExport'] => require('./commands/verify-export'),
};

/** The version in the package.json above this file (sources and dist/ sit at different depths). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'storyline' && manifest.version) return manifest.version;
    }
  }
  return 'unknown';
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function json(value: unknown): void {
  print(answerToJson(value, 2));
}

type Register = (cli: Command, print: (text: string) => void) => void;

/**
 * A command group whose definition lives in its own module: registered for real only when the
 * command line names it, otherwise as a stub that still shows in `--help`.
 */
function lazyRegistration(cli: Command, argv: readonly string[], names: readonly string[], description: string, load: () => Register): void {
  if (names.includes(argv[0] ?? '')) {
    load()(cli, print);
    return;
  }
  for (const name of names) cli.command(name).description(description).allowUnknownOption().helpOption(false).action(() => {
      throw new CliError(`put "${name}" first on the command line (storyline ${name} --help)`, EXIT.badInput);
    });
}

/** `storyline stories merge|split|move|rename|history`: the membership writes and history, as the API has them. */
function registerMembershipCommands(stories: Command): void {
  // `--json` after a subcommand's arguments is parsed as the parent's own `--json` (stories lists with it too).
  const asJson = (options: { json?: boolean }): boolean => Boolean(options.json || stories.opts().json);
  const written = (options: { json?: boolean }, answer: { changed: boolean; position: bigint; storyId: string }, what: string): void => {
    if (asJson(options)) return json(answer);
    print(answer.changed ? `${what} (position ${answer.position})` : `nothing to change (position ${answer.position})`);
  };
  stories
    .command('merge')
    .description("merge a story into another: its reports go there, its slug and id answer for it")
    .argument('<story>', 'the story merged away (slug or id)')
    .requiredOption('--into <story>', 'the story that takes its reports')
    .requiredOption('--reason <text>', 'why (kept with the event)')
    .option('--json', 'print the API answer as JSON')
    .action(async (story: string, options) => {
      const answer = await load.context().withStoryline((app) => load.membership().mergeStories(app, story, options));
      written(options, answer, `merged ${story} into ${answer.intoStoryId}`);
    });
  stories
    .command('split')
    .description('take reports (with their facts, links and verdicts) out of a story into a new one')
    .argument('<story>', 'the story split from (slug or id)')
    .requiredOption('--reports <ids>', 'comma-separated report ids')
    .requiredOption('--slug <slug>', 'the new story slug')
    .requiredOption('--title <title>', 'the new story title')
    .requiredOption('--reason <text>', 'why (kept with the event)')
    .option('--json', 'print the API answer as JSON')
    .action(async (story: string, options) => {
      const answer = await load.context().withStoryline((app) => load.membership().splitReports(app, story, options));
      written(options, answer, `split into ${answer.slug} (${answer.storyId})`);
    });
  stories
    .command('move')
    .description('move one report to another story')
    .argument('<report>', 'the report id')
    .requiredOption('--to <story>', 'the story it goes to (slug or id)')
    .requiredOption('--reason <text>', 'why (kept with the event)')
    .option('--json', 'print the API answer as JSON')
    .action(async (report: string, options) => {
      const answer = await load.context().withStoryline((app) => load.membership().moveReport(app, report, options));
      written(options, answer, `moved ${report} to ${answer.toStoryId}`);
    });
  stories
    .command('rename')
    .description('change a story slug and/or title; the old slug keeps answering')
    .argument('<story>', 'slug or id')
    .option('--slug <slug>', 'the new slug')
    .option('--title <title>', 'the new title')
    .requiredOption('--reason <text>', 'why (kept with the event)')
    .option('--json', 'print the API answer as JSON')
    .action(async (story: string, options) => {
      const answer = await load.context().withStoryline((app) => load.membership().renameStory(app, story, options));
      written(options, answer, `renamed to ${answer.slug}`);
    });
  stories
    .command('history')
    .description("a story's membership history (moves, splits, merges, renames) and the reports it holds")
    .argument('<story>', 'slug or id')
    .option('--as-of <instant>', 'as of this instant (ISO-8601)')
    .addOption(new Option('--clock <clock>', 'the clock --as-of is on').choices(['reported', 'recorded']))
    .option('--at-position <position>', 'as at this log position')
    .option('--json', 'print the API answer as JSON')
    .action(async (story: string, options) => {
      const view = await load.context().withStoryline((app) => load.membership().membershipHistory(app, story, options));
      if (asJson(options)) return json(view);
      print(load.membership().formatHistory(view));
    });
}

function program(argv: readonly string[] = []): Command {
  const cli = new Command('storyline')
    .description('Event-sourced story timelines: who reported what, when.\nDatabase: DATABASE_URL, or the embedded PostgreSQL in STORYLINE_DATA_DIR (default .storyline).')
    .version(packageVersion(), '-v, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();

  cli.command('serve').description('start the HTTP API (and its projector)').action(async () => {
    const { loadConfig } = require('@storyline/database') as typeof import('@storyline/database');
    await load.serve().serve(loadConfig());
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
      const outcomes = await load.context().withStoryline((app) => load.ingest().ingestFiles(app, files, options));
      if (options.json) return json(outcomes.map(({ file, answer }) => ({ file, ...answer })));
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
      const { extractFile, formatExtraction } = load.extract();
      const result = extractFile(file, options);
      if (options.json) return json(result);
      print(formatExtraction(result));
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
      const { formatTimeline, readTimeline } = load.timeline();
      const view = await load.context().withStoryline((app) => readTimeline(app, story, options));
      if (options.json) return json(view);
      print(formatTimeline(view));
    });

  cli
    .command('replay')
    .description("print a story's events in order with its state after each")
    .argument('<story>', 'slug or id')
    .option('--after <position>', 'start after this log position')
    .option('--follow', 'keep printing new events as they are recorded (Ctrl-C stops)')
    .option('--json', 'one JSON object per line (NDJSON)')
    .action(async (story: string, options) => {
      await load.context().withStoryline((app) => load.replay().replay(app, story, options, print));
    });

  cli
    .command('rebuild')
    .description('rebuild read models from position 0 beside the live ones, then swap them in (the API keeps answering)')
    .argument('[projection]', 'one of stories, timeline, source-ledger, fact-history; all of them when omitted')
    .option('--json', 'print the finished rebuild as JSON')
    .action(async (projection: string | undefined, options) => {
      const { checkProjectionName, formatRebuild, rebuildProjections } = load.rebuild();
      checkProjectionName(projection);
      const done = await load.context().withStoryline((app) => rebuildProjections(app, projection));
      if (options.json) return json(done);
      print(formatRebuild(done));
    });

  cli
    .command('verify')
    .description("verify the event log's hash chain from the first event to the newest (exit 1 if it does not hold)")
    .option('--expect-head <hash>', 'a head hash kept elsewhere: the log must still contain it')
    .option('--expect-head-position <position>', 'the position kept with that hash')
    .option('--json', 'print the report as JSON')
    .action(async (options) => {
      const { failIfBroken, formatVerify, verifyLog } = load.verify();
      const report = await load.context().withStoryline((app) => verifyLog(app, options));
      if (options.json) json(report);
      else print(formatVerify(report));
      failIfBroken(report);
    });

  cli
    .command('export')
    .description("export a story's full history as NDJSON, verifiable offline with verify-export")
    .argument('<story>', 'slug or id')
    .option('--output <file>', 'write to this file instead of stdout')
    .option('--json', 'with --output: print {story, events, output} as JSON (the export itself is always NDJSON)')
    .action(async (story: string, options) => {
      const events = await load.context().withStoryline((app) => load.export().exportStory(app, story, options));
      if (!options.output) return;
      if (options.json) json({ story, events, output: options.output });
      else process.stderr.write(`exported ${events} events to ${options.output}\n`);
    });

  cli
    .command('verify-export')
    .description('verify an export file offline, with no database (exit 1 if it does not verify)')
    .argument('<file>', 'an NDJSON export')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options) => {
      const { failIfRejected, formatExportVerification, verifyExportFile } = load.verifyExport();
      const report = await verifyExportFile(file);
      if (options.json) json({ file, ...report });
      else print(formatExportVerification(file, report));
      failIfRejected(file, report);
    });

  const keys = cli.command('keys').description('API keys (stored hashed; a secret is shown once)');
  keys
    .command('create')
    .description('create a key and print its secret once')
    .addOption(new Option('--role <role>', 'what the key may do').choices(['reader', 'editor', 'auditor', 'admin']).makeOptionMandatory())
    .option('--name <name>', 'who or what holds the key')
    .option('--json', 'print {id, name, role, secret} as JSON')
    .action(async (options) => {
      const { createKey, formatCreatedKey } = load.keys();
      const key = await createKey(options.role, options.name);
      if (options.json) return json(key);
      print(formatCreatedKey(key));
    });
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .option('--json', 'print {keys: [...]} as JSON')
    .action(async (options) => {
      const { formatKeys, listKeys } = load.keys();
      const all = await listKeys();
      if (options.json) return json({ keys: all });
      print(formatKeys(all));
    });
  keys
    .command('revoke')
    .argument('<id>', 'the key id')
    .description('revoke a key at once')
    .option('--json', 'print {id, revoked} as JSON')
    .action(async (id: string, options) => {
      const answer = await load.keys().revokeKey(id);
      if (options.json) return json(answer);
      print(`revoked ${answer.id}`);
    });

  const stories = cli
    .command('stories')
    .description('list the stories; merge, split, move, rename, history change or show their membership')
    .option('--json', 'print as JSON')
    .action(async (options) => {
      const { QueryBus } = require('@nestjs/cqrs') as typeof import('@nestjs/cqrs');
      const { ListStoriesQuery } = require('@storyline/projections') as typeof import('@storyline/projections');
      const stories = await load.context().withStoryline((app) => app.get(QueryBus).execute(new ListStoriesQuery()));
      if (options.json) return json({ stories });
      for (const story of stories) print(`${story.slug.padEnd(32)} ${story.title}${story.mergedInto ? ` (merged into ${story.mergedInto})` : ''}`);
      if (stories.length === 0) print('no stories yet');
    });
  registerMembershipCommands(stories);

  cli
    .command('migrate')
    .description('bring the database schema up to date (every start does this too), or list or revert migrations')
    .option('--show', 'list every migration, [X] applied or [ ] pending; change nothing')
    .option('--revert', "undo the newest applied migration (runs its down(): what it created is dropped)")
    .option('--json', 'print the answer as JSON')
    .action(async (options) => {
      if (options.show && options.revert) throw new CliError('choose --show or --revert, not both', EXIT.badInput);
      const { formatMigrate, migrate } = load.migrate();
      const answer = await migrate(options.show ? 'show' : options.revert ? 'revert' : 'apply');
      if (options.json) return json(answer);
      print(formatMigrate(answer));
    });

  // The feed and subscription commands load their code only when named, like the others.
  lazyRegistration(cli, argv, ['events'], 'follow the global log of events', () => require('./commands/events').registerEventsCommand);
  lazyRegistration(cli, argv, ['inbox'], 'the inbox: send reports without a story, list the router\'s proposals, accept, reject, set the policy', () => require('./commands/inbox').registerInboxCommands);
  lazyRegistration(cli, argv, ['source-aliases'], 'source aliases proposed across reports: list, accept, reject', () => require('./commands/source-aliases').registerSourceAliasCommands);
  lazyRegistration(cli, argv, ['subscriptions'], 'webhook subscriptions: create, list, show, pause, resume, delete', () => require('./commands/subscriptions').registerSubscriptionCommands);

  return cli;
}

export async function run(argv: readonly string[]): Promise<number> {
  try {
    await program(argv).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    // By name: the configuration module is only loaded by the command that needs it.
    if (error instanceof Error && error.name === 'ConfigError') {
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

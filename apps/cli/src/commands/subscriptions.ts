import type { INestApplicationContext } from '@nestjs/common';
import type { StorylineConfig } from '@storyline/database';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { StoriesReader } from '@storyline/projections';
import { checkId, createSubscription, notFound, view, WebhookStore, type SubscriptionStatus, type SubscriptionView } from '@storyline/subscriptions';
import { answerToJson } from '@storyline/story-events';
import { Command } from 'commander';
import { userInfo } from 'node:os';
import { DataSource } from 'typeorm';
import { withStoryline } from '../cli-context';

type Print = (line: string) => void;

const list = (value: string | undefined): string[] | undefined => value?.split(',').map((item) => item.trim());

function format(subscription: SubscriptionView): string {
  const problem = subscription.lastError ? `  last error (${subscription.attempts} attempts): ${subscription.lastError}` : '';
  const filter = [subscription.types?.join(',') ?? 'all types', subscription.stories ? `${subscription.stories.length} stories` : 'all stories'].join(', ');
  return `${subscription.id}  ${subscription.status.padEnd(7)} at ${subscription.checkpoint} (lag ${subscription.lag})  ${subscription.url}  [${filter}]${problem}`;
}

async function withSubscriptions<T>(work: (subscriptions: WebhookStore, app: INestApplicationContext, config: StorylineConfig) => Promise<T>): Promise<T> {
  return withStoryline((app, config) => work(new WebhookStore(app.get(DataSource)), app, config));
}

async function show(app: INestApplicationContext, found: Parameters<typeof view>[0]): Promise<SubscriptionView> {
  return view(found, await app.get<EventStore>(EVENT_STORE).headPosition());
}

/**
 * `storyline subscriptions create|list|show|pause|resume|delete`: the same checks and
 * table as `/subscriptions`; the API's delivering instance picks changes up within a second.
 */
export function registerSubscriptionCommands(cli: Command, print: Print): void {
  const subscriptions = cli.command('subscriptions').description('webhook subscriptions: deliver the log to a URL, signed (see README "Webhooks")');
  const output = (json: boolean | undefined, subscription: SubscriptionView): void => print(json ? answerToJson(subscription, 2) : format(subscription));

  subscriptions
    .command('create')
    .description('deliver events to a URL (its host must be in STORYLINE_WEBHOOK_ALLOWED_HOSTS)')
    .requiredOption('--url <url>', 'http(s) URL that receives one POST per event')
    .requiredOption('--secret <secret>', 'shared secret (16+ characters) the receiver checks signatures with')
    .option('--types <types>', 'comma-separated event types (default: all)')
    .option('--stories <stories>', 'comma-separated story slugs or ids (default: all)')
    .option('--after <position>', 'deliver events after this log position (default: only new ones)')
    .option('--json', 'print as JSON')
    .action(async (options) => {
      const after = options.after === undefined ? undefined : /^\d{1,15}$/.test(options.after) ? Number(options.after) : options.after;
      const body = { url: options.url, secret: options.secret, types: list(options.types), stories: list(options.stories), after };
      const created = await withSubscriptions((store, app, config) =>
        createSubscription(body, `cli:${userInfo().username}`, { allowedHosts: config.webhookAllowedHosts, stories: app.get(StoriesReader), store: app.get(EVENT_STORE), subscriptions: store }),
      );
      output(options.json, created);
    });

  subscriptions
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (options) => {
      const all = await withSubscriptions(async (store, app) => Promise.all((await store.list()).map((found) => show(app, found))));
      if (options.json) return print(answerToJson({ subscriptions: all }, 2));
      all.forEach((subscription) => print(format(subscription)));
      if (all.length === 0) print('no subscriptions yet');
    });

  subscriptions
    .command('show')
    .argument('<id>')
    .option('--json', 'print as JSON')
    .action(async (id: string, options) => output(options.json, await withSubscriptions(async (store, app) => show(app, (await store.get(checkId(id))) ?? notFound(id)))));

  const change = (name: string, status: SubscriptionStatus, description: string): void => {
    subscriptions
      .command(name)
      .argument('<id>')
      .description(description)
      .action(async (id: string) => print(format(await withSubscriptions(async (store, app) => show(app, (await store.setStatus(checkId(id), status)) ?? notFound(id))))));
  };
  change('pause', 'paused', 'stop delivering (the checkpoint stays)');
  change('resume', 'active', 'deliver again from the checkpoint (also after it was parked as failing)');

  subscriptions
    .command('delete')
    .argument('<id>')
    .action(async (id: string) => {
      await withSubscriptions(async (store) => (await store.remove(checkId(id))) || notFound(id));
      print(`deleted ${id}`);
    });
}

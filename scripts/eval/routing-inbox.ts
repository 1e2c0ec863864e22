/**
 * The routing evaluation end to end: every article is sent to an inbox as `POST /reports?inbox=`
 * stores it (extraction, then the inbox's command on the real event store), and the router
 * reactor routes the inbox from the log, as the projector runs it. Ingest and routing are
 * timed apart: first every article is stored with the reactor stopped, then the reactor
 * catches up. Prints figures only; never writes corpus text anywhere.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runMigrations, startEmbeddedPostgres } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { PROJECTION_ENTITIES, PROJECTION_MIGRATIONS, ProjectionRunner, ReportRouter, type Projection } from '@storyline/projections';
import { inboxIdForName } from '@storyline/story-events';
import { SendToInboxCommand, SendToInboxHandler, SetInboxPolicyCommand, SetInboxPolicyHandler, submissionFromText, type CommandContext } from '@storyline/timeline';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export interface InboxFeedItem {
  readonly topic: string;
  readonly outlet: string;
  readonly publishedOn: string;
  readonly text: string;
}

export interface InboxRun {
  /** Per article, in feed order: its topic, the story it ended in (waiting: the analyst accepts the first proposal), whether it waited. */
  readonly routed: Array<{ topic: string; storyId: string; waited: boolean }>;
  readonly waiting: Array<{ topic: string; score: number; proposed: string }>;
  readonly bestScores: number[];
  readonly ingestMs: number;
  /** The reactor catching up on the inbox, wall clock: reading the log included. */
  readonly routingMs: number;
  /** Of that, the time inside the reactor's own work (its batches' `apply`), what it adds to a projector that follows the log anyway. */
  readonly applyMs: number;
  readonly topEntities: Map<string, string>;
  readonly where: string;
  /** Events in the log after the run, and after a second pass of the reactor over the whole log from an empty read model. */
  readonly replay: { readonly before: bigint; readonly after: bigint; readonly sameDecisions: boolean } | null;
}

const sync = { waitFor: async () => 'applied' as const };
let commands = 0;
const context = (): CommandContext => ({ actor: 'system:eval-routing', correlationId: `eval-${++commands}`, commandId: `eval-${commands}`, idempotencyKey: null, expectedRevision: null });

export async function routeThroughInbox(feed: readonly InboxFeedItem[], threshold: number | null, options: { replay: boolean }): Promise<InboxRun> {
  const database = await throwawayDatabase();
  await runMigrations(database.url, [...EVENT_STORE_MIGRATIONS, ...PROJECTION_MIGRATIONS]);
  const store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 20 });
  const dataSource = await new DataSource({ type: 'postgres', url: database.url, entities: PROJECTION_ENTITIES, synchronize: false, logging: false }).initialize();
  try {
    const inbox = 'eval';
    const inboxId = inboxIdForName(inbox);
    if (threshold !== null) await new SetInboxPolicyHandler(store, sync).execute(new SetInboxPolicyCommand({ inboxId, name: inbox, threshold, autoOpen: true }, context()));
    const send = new SendToInboxHandler(store, sync);
    const topics = new Map<string, string>();
    const order: string[] = [];
    let started = performance.now();
    for (const item of feed) {
      const { report, extractor } = submissionFromText(item.text, { outlet: item.outlet, publishedAt: item.publishedOn, headline: null, url: null });
      const answer = await send.execute(new SendToInboxCommand(inboxId, report, context(), { extractor }));
      if (!answer.created) continue; // the same text from the same outlet twice: stored once
      topics.set(answer.reportId, item.topic);
      order.push(answer.reportId);
    }
    const ingestMs = performance.now() - started;

    started = performance.now();
    const applyMs = await catchUp(store, dataSource);
    const routingMs = performance.now() - started;

    const rows: Array<{ report_id: string; status: string; story_id: string | null; proposals: Array<{ storyId: string | null; score: number }> }> = await dataSource.query(
      'SELECT report_id, status, story_id, proposals FROM inbox_reports WHERE inbox_id = $1',
      [inboxId],
    );
    const byReport = new Map(rows.map((row) => [row.report_id, row]));
    const run: InboxRun = { routed: [], waiting: [], bestScores: [], ingestMs, routingMs, applyMs, topEntities: new Map(), where: database.where, replay: null };
    for (const reportId of order) {
      const row = byReport.get(reportId);
      if (!row) throw new Error(`report ${reportId} was not routed`);
      const topic = topics.get(reportId)!;
      run.bestScores.push(row.proposals.find((proposal) => proposal.storyId !== null)?.score ?? 0);
      if (row.status !== 'waiting') {
        run.routed.push({ topic, storyId: row.story_id!, waited: false });
        continue;
      }
      const first = row.proposals[0];
      run.routed.push({ topic, storyId: first.storyId ?? `new-${reportId}`, waited: true });
      run.waiting.push({ topic, score: first.score, proposed: first.storyId === null ? 'new story' : first.storyId });
    }
    const profiles: Array<{ story_id: string; profile: { entities: Array<[string, number]> } }> = await dataSource.query('SELECT story_id, profile FROM routing_profiles');
    for (const { story_id, profile } of profiles) run.topEntities.set(story_id, [...profile.entities].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name]) => name).join(', '));
    if (!options.replay) return run;

    // A crash that lost the reactor's tables: it reads the whole log again and must append nothing.
    const before = await store.headPosition();
    const decisions = JSON.stringify(await dataSource.query('SELECT report_id, status, story_id, proposals FROM inbox_reports ORDER BY report_id'));
    await dataSource.query('TRUNCATE inbox_policies, inbox_reports, routing_frequencies, routing_profiles, routing_report_features, routing_state');
    await dataSource.query(`UPDATE projection_checkpoints SET position = 0 WHERE name = 'report-router'`);
    await catchUp(store, dataSource);
    const again = JSON.stringify(await dataSource.query('SELECT report_id, status, story_id, proposals FROM inbox_reports ORDER BY report_id'));
    return { ...run, replay: { before, after: await store.headPosition(), sameDecisions: again === decisions } };
  } finally {
    await dataSource.destroy();
    await store.close();
    await database.drop();
  }
}

/**
 * Runs the router reactor until it has routed everything in the log (its own appends
 * included); answers the milliseconds spent inside its batches.
 */
async function catchUp(store: PostgresEventStore, dataSource: DataSource): Promise<number> {
  const router = new ReportRouter(store);
  let applyMs = 0;
  const timed: Projection = {
    name: router.name,
    handles: router.handles,
    tables: router.tables,
    apply: async (events, manager) => {
      const started = performance.now();
      await router.apply(events as Parameters<ReportRouter['apply']>[0], manager);
      applyMs += performance.now() - started;
    },
  };
  const runner = new ProjectionRunner({ dataSource, eventStore: store, projections: [timed], logger: { log: () => undefined, warn: console.warn, error: console.error } });
  await runner.start();
  try {
    for (let head = await store.headPosition(); ; ) {
      if (!(await runner.waitFor(head, 600_000))) throw new Error(`the router reactor did not reach position ${head}: ${runner.state}`);
      const next = await store.headPosition();
      if (next === head) break;
      head = next;
    }
  } finally {
    await runner.stop();
  }
  return applyMs;
}

/** A database to throw away: on DATABASE_URL's server, or on an embedded server of its own. */
async function throwawayDatabase(): Promise<{ url: string; where: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'storyline-eval-')), persistent: false, database: 'storyline_eval' });
    return { url: embedded.url, where: 'embedded PostgreSQL', drop: () => embedded.stop() };
  }
  const name = `storyline_eval_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), where: `PostgreSQL at ${url.host}`, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The claims projection over a whole Timeline17 topic (default LibyaWar, one story), applied
 * straight to a throwaway database in batches of 100 events as the projector would: once as
 * ingested (each report's text read for the days it names, `claim_report_days`), once with the
 * same events but report texts that name no day, so the difference is what reading the days
 * costs per article (wall time, and the projector process's own CPU time, which a busy
 * database or neighbour disturbs less). Facts come from the eval extraction cache (scripts/eval/extraction-cache.ts).
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register scripts/bench/claims-projection.ts [--topic LibyaWar] [--rounds 2]
 *
 * Skips, saying why, when ../shared is absent or DATABASE_URL is unset.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { runMigrations } from '@storyline/database';
import { ClaimsProjection, PROJECTION_ENTITIES, PROJECTION_MIGRATIONS } from '@storyline/projections';
import type { StoredEvent } from '@storyline/event-store';
import { DataSource } from 'typeorm';
import { loadT17Topics, t17Missing } from '../corpora/t17';
import { extractArticles } from '../eval/extraction-cache';
import { numberOption, runScript, stringOption, throwawayDatabase } from './common';

const BATCH = 100;

function eventsOf(topicName: string, withText: boolean): StoredEvent[] {
  const topic = loadT17Topics().find((candidate) => candidate.name === topicName);
  if (!topic) throw new Error(`no topic ${topicName}`);
  const storyId = randomUUID();
  const events: StoredEvent[] = [];
  let position = 0n;
  const push = (type: string, data: unknown) => {
    position += 1n;
    events.push({ eventId: randomUUID(), type, schemaVersion: 2, data, metadata: { actor: 'bench', correlationId: storyId, causationId: null }, streamId: `story-${storyId}`, streamRevision: position, position, recordedAt: new Date() });
  };
  for (const { article, result } of extractArticles(topic.articles)) {
    const reportId = randomUUID();
    push('ReportIngested', {
      storyId, reportId, outlet: article.outlet, publishedAt: `${article.publishedOn}T00:00:00.000Z`, headline: null, byline: null, dateline: null, url: null,
      text: withText ? article.text : 'No day is named here.', textSha256: reportId, language: 'en',
    });
    for (const fact of result.facts) {
      push('FactReported', {
        storyId, reportId, factId: randomUUID(), statement: fact.statement, evidence: fact.evidence, attributedTo: null, modality: fact.modality,
        occurred: fact.occurred ?? null, entities: fact.entities, attribution: null,
      });
    }
  }
  return events;
}

async function timeProjection(url: string, events: readonly StoredEvent[]): Promise<{ ms: number; cpuMs: number; reports: number; reportDays: number }> {
  const dataSource = await new DataSource({ type: 'postgres', url, entities: PROJECTION_ENTITIES, logging: false }).initialize();
  try {
    for (const table of new ClaimsProjection().tables) await dataSource.query(`TRUNCATE ${table}`);
    const projection = new ClaimsProjection();
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let index = 0; index < events.length; index += BATCH) {
      await dataSource.transaction((manager) => projection.apply(events.slice(index, index + BATCH) as never, manager));
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM claim_report_days');
    return { ms, cpuMs, reports: events.filter((event) => event.type === 'ReportIngested').length, reportDays: count };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const missing = t17Missing();
  const server = process.env.DATABASE_URL;
  if (missing || !server) {
    console.log(`bench claims-projection skipped: ${missing ?? 'DATABASE_URL is unset'}.`);
    return;
  }
  const argv = process.argv.slice(2);
  const topic = argv.includes('--topic') ? stringOption(argv, '--topic') : 'LibyaWar';
  const rounds = numberOption(argv, '--rounds', 2);
  const database = await throwawayDatabase(server, 'claims');
  try {
    await runMigrations(database.url, PROJECTION_MIGRATIONS);
    const withDays = eventsOf(topic, true);
    const withoutDays = eventsOf(topic, false);
    for (let round = 1; round <= rounds; round += 1) {
      // Alternate the order, so that a database warming up (or a busy neighbour) favours neither.
      const runs = [['texts naming no day', withoutDays], ['report texts', withDays]] as const;
      for (const [label, events] of round % 2 === 1 ? runs : [...runs].reverse()) {
        const { ms, cpuMs, reports, reportDays } = await timeProjection(database.url, events);
        console.log(
          `round ${round}, ${label}: ${events.length} events, ${reports} reports, ${reportDays} report days, ${(ms / 1000).toFixed(1)} s, ` +
            `${(ms / reports).toFixed(2)} ms per article (projector CPU ${(cpuMs / reports).toFixed(2)} ms per article)`,
        );
      }
    }
  } finally {
    await database.drop();
  }
}

runScript(main);

/**
 * Projection rebuild on a database of the bench's own: loads about N events of bulk stories
 * (unless already loaded), then rebuilds every projection from position 0 through the same
 * path as `storyline rebuild` (shadow schema, runner, swap), like scripts/bench-rebuild.ts.
 * The database keeps the rebuilt read models, so the query bench can run on it next.
 *
 * Against a database whose log holds events already, it loads none and rebuilds from those.
 *
 *   node -r @swc-node/register scripts/bench/rebuild.ts --url <database url> --events N [--page-size P] [--batch-size B]
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { runMigrations } from '@storyline/database';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@storyline/event-store/postgres';
import { DEFAULT_REBUILD_TUNING, PROJECTION_ENTITIES, PROJECTION_MIGRATIONS, Rebuilds, storylineProjections } from '@storyline/projections';
import { DataSource } from 'typeorm';
import { loadBulkStories, numberOption, reportResult, rssSampler, runScript, stringOption } from './common';

const mib = (bytes: number): number => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const url = stringOption(argv, '--url');
  const events = numberOption(argv, '--events', 1_000_000);
  const pageSize = numberOption(argv, '--page-size', DEFAULT_REBUILD_TUNING.pageSize);
  const batchSize = numberOption(argv, '--batch-size', DEFAULT_REBUILD_TUNING.batchSize);
  await runMigrations(url, [...EVENT_STORE_MIGRATIONS, ...PROJECTION_MIGRATIONS]);
  const store = new PostgresEventStore({ connectionString: url });
  const dataSource = await new DataSource({ type: 'postgres', url, entities: PROJECTION_ENTITIES, logging: false }).initialize();
  try {
    const loadStarted = performance.now();
    const held = Number(await store.headPosition());
    const appended = held > 0 ? held : await loadBulkStories(store, events, (line) => console.error(line));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    if (held > 0) console.log(`the log already holds ${held} events: not loading more`);
    else console.log(`appended ${appended} events in ${loadSeconds.toFixed(1)} s (${Math.round(appended / loadSeconds)} events/s, 16 stories at a time)`);
    // Settle the bulk load's dirty pages and statistics first, so the rebuild is not timed against them.
    await dataSource.query('CHECKPOINT');
    await dataSource.query('VACUUM ANALYZE events');

    const rebuilds = new Rebuilds({ dataSource, eventStore: store, projections: storylineProjections, tuning: { pageSize, batchSize }, logger: { log: (line) => console.error(`  ${line}`), warn: console.warn, error: console.error } });
    const rss = rssSampler();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const rebuild = await rebuilds.start();
    let lastLine = 0;
    rebuild.onProgress((snapshot) => {
      if (performance.now() - lastLine < 10_000) return;
      lastLine = performance.now();
      console.error(`  ${snapshot.state}: ${snapshot.position}/${snapshot.head} (${snapshot.percent}%), ${snapshot.eventsPerSecond} events/s`);
    });
    const done = await rebuild.finished;
    const seconds = (performance.now() - started) / 1000;
    rss.stop();
    if (done.state !== 'done') throw new Error(`the rebuild failed: ${done.error}`);
    const cpu = process.cpuUsage(cpuBefore);
    const result = {
      events: Number(done.position),
      seconds: Number(seconds.toFixed(1)),
      eventsPerSecond: Math.round(Number(done.position) / seconds),
      peakRssMiB: mib(rss.peak()),
      maxRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      loadEventsPerSecond: held > 0 ? 0 : Math.round(appended / loadSeconds),
    };
    console.log(`rebuilt ${result.events} events in ${result.seconds} s: ${result.eventsPerSecond} events/s, peak RSS ${result.peakRssMiB} MiB`);
    reportResult(result);
  } finally {
    await dataSource.destroy();
    await store.close();
  }
}

runScript(main);

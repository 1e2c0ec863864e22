/**
 * `npm run bench:stories`: real stories at real volume through the HTTP API (issue 17).
 *
 * 1. Each Timeline17 topic (../shared/corpora/t17-dev) ingested raw, every outlet into one
 *    story, one article at a time (text/plain with ?outlet=&publishedAt=): articles/s, the
 *    per-article p50/p99 of the first and the last 100, and /health's p99 meanwhile (a
 *    poller on the side, every 100 ms).
 * 2. 16 concurrent writers on one story (structured JSON reports made from corpus articles)
 *    against 16 writers on 16 stories: accepted, refused, reports/s.
 * 3. One 200,000-character raw report (corpus articles joined at run time) while /health is
 *    polled: its answer, how long it took, /health's p99.
 *
 * The API runs in a child process (scripts/bench/stories-api.ts) on a throwaway database of
 * DATABASE_URL's server, or of an embedded PostgreSQL when DATABASE_URL is unset. Skips, saying
 * why, when ../shared is absent.
 *
 *   npm run bench:stories [-- --limit N] [-- --topic LibyaWar[,SyrianCrisis]] [-- --writers 16]
 *                         [-- --reports-per-writer 25] [-- --only topics,writers,large]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '@storyline/database';
import { loadT17Topics, t17Missing, type T17Article, type T17Topic } from '../corpora/t17';
import { numberOption, percentile, queryOnce, REPO, reportResult, runScript, throwawayDatabase } from './common';

const PHASES = ['topics', 'writers', 'large'] as const;
type Phase = (typeof PHASES)[number];

interface Plan {
  readonly limit: number | null;
  readonly topics: readonly string[] | null;
  readonly writers: number;
  readonly reportsPerWriter: number;
  readonly largeChars: number;
  readonly phases: readonly Phase[];
}

function planFrom(argv: readonly string[]): Plan {
  const listOption = (flag: string): string[] | null => {
    const index = argv.indexOf(flag);
    return index < 0 ? null : (argv[index + 1] ?? '').split(',').filter(Boolean);
  };
  const only = listOption('--only');
  for (const phase of only ?? []) if (!PHASES.includes(phase as Phase)) throw new Error(`--only takes ${PHASES.join(', ')}; got ${phase}`);
  return {
    limit: argv.includes('--limit') ? numberOption(argv, '--limit', 0) : null,
    topics: listOption('--topic'),
    writers: numberOption(argv, '--writers', 16),
    reportsPerWriter: numberOption(argv, '--reports-per-writer', 25),
    largeChars: numberOption(argv, '--large-chars', 200_000),
    phases: (only as Phase[] | null) ?? [...PHASES],
  };
}

// ---------------------------------------------------------------------------------------
// The API in a child process, and a client for it

interface Api {
  readonly baseUrl: string;
  readonly key: string;
  stop(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly ms: number;
  readonly body: any;
}

function startApi(url: string): Promise<Api> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(REPO, 'scripts', 'bench', 'stories-api.ts'), '--url', url], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /BENCH_API (.+)\n/.exec(buffered);
      if (match) {
        const { baseUrl, key } = JSON.parse(match[1]) as { baseUrl: string; key: string };
        resolve({ baseUrl, key, stop: () => stopChild(child) });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the API exited with ${code} before listening`)));
  });
}

/** SIGTERM, and SIGKILL if it has not stopped within 15 s (saying so: a stop that hangs is a finding). */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      console.log('  the API did not stop within 15 s of SIGTERM; killed');
      child.kill('SIGKILL');
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function call(api: Api, method: string, path: string, body?: string | object): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.key}`, 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, ms, body: parsed };
}

async function openStory(api: Api, slug: string, title: string): Promise<void> {
  const answer = await call(api, 'POST', '/stories', { slug, title });
  if (answer.status !== 201) throw new Error(`POST /stories ${slug}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** GET /health one after another, every 100 ms (or as soon as a slow answer comes back). */
function pollHealth(api: Api): { samplesSoFar(): readonly number[]; stop(): Promise<{ samples: number[]; failures: number }> } {
  const samples: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const answer = await call(api, 'GET', '/health');
        if (answer.status !== 200) failures++;
        samples.push(answer.ms);
      } catch (error) {
        // A poll that failed counts with the time it took: no answer is no better than a late one.
        samples.push(performance.now() - started);
        if (failures++ === 0) console.log(`  /health failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
      }
      const wait = 100 - (performance.now() - started);
      if (wait > 0 && running) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    samplesSoFar: () => samples,
    async stop() {
      running = false;
      await loop;
      return { samples, failures };
    },
  };
}

interface HealthFigures {
  readonly polls: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly failures: number;
}

function healthFigures({ samples, failures }: { samples: number[]; failures: number }): HealthFigures {
  if (samples.length === 0) return { polls: 0, p50: 0, p99: 0, max: 0, failures };
  return { polls: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples), failures };
}

const ms = (value: number): string => `${Math.round(value).toLocaleString('en')} ms`;
const describeHealth = (health: HealthFigures): string =>
  `/health p50 ${ms(health.p50)}, p99 ${ms(health.p99)}, max ${ms(health.max)} (${health.polls} polls${health.failures ? `, ${health.failures} failed` : ''})`;

function outletName(outlet: string): string {
  return outlet.length <= 3 ? outlet.toUpperCase() : outlet[0].toUpperCase() + outlet.slice(1);
}

function errorCode(answer: Answer): string {
  return `${answer.status}${answer.body?.error?.code ? ` ${answer.body.error.code}` : ''}`;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------
// 1. Topics, raw, one story each

interface TopicFigures {
  readonly topic: string;
  readonly articles: number;
  readonly stored: number;
  readonly refused: Record<string, number>;
  readonly facts: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  readonly window: number;
  readonly first: { p50: number; p99: number };
  readonly last: { p50: number; p99: number };
  readonly health: HealthFigures;
}

async function ingestTopic(api: Api, topic: T17Topic, limit: number | null): Promise<TopicFigures> {
  const articles = limit === null ? topic.articles : topic.articles.slice(0, limit);
  const slug = `t17-${topic.name.toLowerCase()}-${Date.now().toString(36)}`;
  await openStory(api, slug, `${topic.name} (Timeline17)`);
  const outlets = [...new Set(articles.map((article) => article.outlet))].join(', ');
  console.log(`  ${topic.name}: ${articles.length} of ${topic.articles.length} articles (${outlets}) into /stories/${slug}`);
  const latencies: number[] = [];
  const refusals: string[] = [];
  let facts = 0;
  const health = pollHealth(api);
  const started = performance.now();
  for (const [index, article] of articles.entries()) {
    const query = new URLSearchParams({ outlet: outletName(article.outlet), publishedAt: `${article.publishedOn}T00:00:00Z` });
    const answer = await call(api, 'POST', `/stories/${slug}/reports?${query}`, article.text);
    latencies.push(answer.ms);
    if (answer.status === 201 || answer.status === 200) facts += answer.body.factIds.length;
    else refusals.push(errorCode(answer));
    if ((index + 1) % 25 === 0 || index + 1 === articles.length) {
      const recent = latencies.slice(-25);
      const polls = health.samplesSoFar();
      console.log(
        `    ${index + 1}/${articles.length}: last 25 p50 ${ms(percentile(recent, 50))}, max ${ms(Math.max(...recent))}; ${facts} facts stored; ` +
          `/health so far p99 ${ms(percentile(polls, 99))}, max ${ms(Math.max(0, ...polls))}; ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const healthFiguresOf = healthFigures(await health.stop());
  // The first and the last 100; halves when fewer than 200 were sent, so the two never overlap.
  const window = Math.min(100, Math.max(1, Math.floor(latencies.length / 2)));
  const first = latencies.slice(0, window);
  const last = latencies.slice(-window);
  return {
    topic: topic.name,
    articles: articles.length,
    stored: articles.length - refusals.length,
    refused: countBy(refusals),
    facts,
    seconds,
    articlesPerSecond: articles.length / seconds,
    window,
    first: { p50: percentile(first, 50), p99: percentile(first, 99) },
    last: { p50: percentile(last, 50), p99: percentile(last, 99) },
    health: healthFiguresOf,
  };
}

// ---------------------------------------------------------------------------------------
// 2. Concurrent writers, structured reports

/** A structured report from a corpus article: its first 3,000 characters, its first three sentences as facts. */
function structuredReport(article: T17Article, copy: number): object {
  let text = article.text.slice(0, 3000);
  if (copy > 0) text = `${text}\n\n(Copy ${copy}.)`;
  const facts: object[] = [];
  const sentence = /[^.!?\n]+[.!?]/g;
  for (let match = sentence.exec(text); match !== null && facts.length < 3; match = sentence.exec(text)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].length;
    if (end - start < 20 || end - start > 2000) continue;
    facts.push({ statement: text.slice(start, end), evidence: { start, end } });
  }
  return { outlet: outletName(article.outlet), publishedAt: `${article.publishedOn}T00:00:00Z`, text, facts };
}

interface WriterFigures {
  readonly stories: number;
  readonly writers: number;
  readonly attempted: number;
  readonly accepted: number;
  readonly refused: Record<string, number>;
  readonly seconds: number;
  readonly reportsPerSecond: number;
  readonly health: HealthFigures;
}

async function concurrentWriters(api: Api, articles: readonly T17Article[], writers: number, perWriter: number, stories: number, label: string): Promise<WriterFigures> {
  const slugs = Array.from({ length: stories }, (_, index) => `writers-${label}-${index}-${Date.now().toString(36)}`);
  for (const slug of slugs) await openStory(api, slug, `Concurrent writers (${label})`);
  const statuses: string[] = [];
  const health = pollHealth(api);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let k = 0; k < perWriter; k++) {
        const n = writer * perWriter + k;
        const report = structuredReport(articles[n % articles.length], Math.floor(n / articles.length));
        const answer = await call(api, 'POST', `/stories/${slugs[writer % stories]}/reports`, report);
        statuses.push(answer.status === 201 ? 'accepted' : errorCode(answer));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const counts = countBy(statuses);
  const accepted = counts.accepted ?? 0;
  delete counts.accepted;
  return { stories, writers, attempted: statuses.length, accepted, refused: counts, seconds, reportsPerSecond: accepted / seconds, health: healthFigures(await health.stop()) };
}

// ---------------------------------------------------------------------------------------
// 3. One very large raw report

/** Corpus articles joined by blank lines, cut at the last sentence end within `chars`. */
function largeText(articles: readonly T17Article[], chars: number): string {
  let text = '';
  for (const article of articles) {
    if (text.length >= chars) break;
    text += (text ? '\n\n' : '') + article.text;
  }
  text = text.slice(0, chars);
  const end = Math.max(text.lastIndexOf('. '), text.lastIndexOf('.\n'));
  return end > chars / 2 ? text.slice(0, end + 1) : text;
}

interface LargeFigures {
  readonly chars: number;
  readonly answer: string;
  readonly facts: number | null;
  readonly seconds: number;
  readonly health: HealthFigures;
}

async function largeReport(api: Api, articles: readonly T17Article[], chars: number): Promise<LargeFigures> {
  const text = largeText(articles, chars);
  const slug = `large-${Date.now().toString(36)}`;
  await openStory(api, slug, 'One very large report');
  const health = pollHealth(api);
  // Let the poller take a few samples before the report arrives.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const answer = await call(api, 'POST', `/stories/${slug}/reports?outlet=Reuters`, text);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const figures = healthFigures(await health.stop());
  const message = answer.status >= 400 ? `: ${answer.body?.error?.message ?? ''}` : '';
  return {
    chars: text.length,
    answer: `${errorCode(answer)}${message}`,
    facts: answer.status === 201 ? answer.body.factIds.length : null,
    seconds: answer.ms / 1000,
    health: figures,
  };
}

// ---------------------------------------------------------------------------------------

async function server(): Promise<{ url: string; where: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'storyline-bench-stories-')), persistent: false, database: 'storyline_bench' });
  return { url: embedded.url, where: 'embedded', stop: () => embedded.stop() };
}

async function main(): Promise<void> {
  const missing = t17Missing();
  if (missing) {
    console.log(`bench:stories skipped: ${missing}`);
    return;
  }
  const plan = planFrom(process.argv.slice(2));
  const topics = loadT17Topics().filter((topic) => plan.topics === null || plan.topics.includes(topic.name));
  if (topics.length === 0) throw new Error(`no topic named ${plan.topics?.join(', ')}; the corpus has ${loadT17Topics().map((topic) => topic.name).join(', ')}`);
  const postgres = await server();
  const database = await throwawayDatabase(postgres.url, 'stories');
  const api = await startApi(database.url);
  console.log(`bench:stories: PostgreSQL ${postgres.where}, API at ${api.baseUrl}; topics ${topics.map((topic) => topic.name).join(', ')}${plan.limit ? `, first ${plan.limit} articles each` : ''}`);
  const result: { topics: TopicFigures[]; writers?: { oneStory: WriterFigures; ownStories: WriterFigures }; large?: LargeFigures } = { topics: [] };
  try {
    if (plan.phases.includes('topics')) {
      console.log('\n== topics, raw, one story each');
      for (const topic of topics) result.topics.push(await ingestTopic(api, topic, plan.limit));
    }
    const articles = topics.flatMap((topic) => topic.articles);
    if (plan.phases.includes('writers')) {
      console.log(`\n== ${plan.writers} writers, ${plan.reportsPerWriter} structured reports each`);
      const oneStory = await concurrentWriters(api, articles, plan.writers, plan.reportsPerWriter, 1, 'one');
      const ownStories = await concurrentWriters(api, articles, plan.writers, plan.reportsPerWriter, plan.writers, 'own');
      result.writers = { oneStory, ownStories };
    }
    if (plan.phases.includes('large')) {
      console.log(`\n== one ${plan.largeChars.toLocaleString('en')}-character raw report`);
      result.large = await largeReport(api, articles, plan.largeChars);
    }
    if (plan.phases.includes('topics')) await printLinkProposals(database.url);
  } finally {
    await api.stop();
    await database.drop();
    await postgres.stop();
  }
  printSummary(result);
  reportResult(result);
}

function printSummary(result: { topics: TopicFigures[]; writers?: { oneStory: WriterFigures; ownStories: WriterFigures }; large?: LargeFigures }): void {
  console.log('\n== figures');
  for (const topic of result.topics) {
    const refused = Object.entries(topic.refused).map(([code, count]) => `${count}× ${code}`).join(', ');
    console.log(
      `${topic.topic}: ${topic.articles} articles in ${topic.seconds.toFixed(1)} s = ${topic.articlesPerSecond.toFixed(2)} articles/s; ${topic.facts} facts; ` +
        `${topic.stored} stored${refused ? `, refused: ${refused}` : ''}`,
    );
    console.log(
      `  first ${topic.window}: p50 ${ms(topic.first.p50)}, p99 ${ms(topic.first.p99)}; last ${topic.window}: p50 ${ms(topic.last.p50)}, p99 ${ms(topic.last.p99)} ` +
        `(last/first p50 ${(topic.last.p50 / topic.first.p50).toFixed(2)}x); ${describeHealth(topic.health)}`,
    );
  }
  if (result.writers) {
    const { oneStory, ownStories } = result.writers;
    for (const [label, figures] of [['one story', oneStory], [`${ownStories.stories} stories`, ownStories]] as const) {
      const refused = Object.entries(figures.refused).map(([code, count]) => `${count}× ${code}`).join(', ') || 'none';
      console.log(
        `${figures.writers} writers on ${label}: ${figures.accepted} of ${figures.attempted} accepted, refused ${refused}; ` +
          `${figures.reportsPerSecond.toFixed(1)} reports/s; ${describeHealth(figures.health)}`,
      );
    }
    console.log(`  one story / own stories, reports/s: ${(oneStory.reportsPerSecond / ownStories.reportsPerSecond).toFixed(2)}x`);
  }
  if (result.large) {
    const large = result.large;
    console.log(
      `one ${large.chars.toLocaleString('en')}-character raw report: ${large.answer}${large.facts !== null ? ` (${large.facts} facts)` : ''} ` +
        `after ${large.seconds.toFixed(1)} s; ${describeHealth(large.health)}`,
    );
  }
}

runScript(main);

/** What the link-proposal reactor proposed over the topics: its cost per fact is bounded, and this shows what it still finds. */
async function printLinkProposals(url: string): Promise<void> {
  const rows = await queryOnce<{ kind: string; proposals: string }>(url, 'SELECT kind, count(*)::text AS proposals FROM link_proposals GROUP BY kind ORDER BY kind');
  console.log(`\nlink proposals: ${rows.map((row) => `${row.kind} ${row.proposals}`).join(', ') || 'none'}`);
}

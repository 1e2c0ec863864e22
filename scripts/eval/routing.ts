/**
 * Routes the Timeline17 development topics (../shared/corpora/t17-dev) as one mixed feed: every
 * article in publication order, no stories at the start, automatic joining. Scores the stories
 * made against the topics (B-cubed precision, recall, F1), and times routing against ingest.
 * Prints figures only; never writes corpus text anywhere.
 *
 * By default end to end: each article is sent to an inbox (extraction, then the inbox command
 * on a real event store: a throwaway database on DATABASE_URL's server, else an embedded
 * PostgreSQL), and the router reactor routes the inbox from the log; then the reactor reads
 * the whole log again from an empty read model and must append nothing. `--in-memory` runs
 * the router alone on extraction results instead (analyst answers simulated inline).
 *
 *   npm run eval:routing [-- --auto-join-at 0.3] [-- --in-memory] [-- --no-replay]
 */
import { performance } from 'node:perf_hooks';
import { extractReport } from '../../libs/extraction/src';
import { DEFAULT_INBOX_POLICY, ROUTER_VERSION, Router, type InboxPolicy } from '../../libs/routing/src';
import { loadT17Topics, t17Missing, type T17Article } from '../corpora/t17';
import { routeThroughInbox } from './routing-inbox';

interface Routed {
  readonly topic: string;
  readonly storyId: string;
  readonly waited: boolean;
}

const STORIES_PER_TOPIC_TARGET = 2;
const F1_TARGET = 0.9;
const OVERHEAD_TARGET = 0.2;

async function main(): Promise<void> {
  const missing = t17Missing();
  if (missing) {
    console.log(`eval:routing skipped: ${missing}.`);
    return;
  }
  const policy: InboxPolicy = { ...DEFAULT_INBOX_POLICY, autoJoinAt: autoJoinAtFromArgs() };
  const feed = loadT17Topics()
    .flatMap((topic) => topic.articles.map((article) => ({ topic: topic.name, article })))
    .sort((a, b) => compareArticles(a.article, b.article) || a.topic.localeCompare(b.topic));
  extractReport(feed[0].article.text); // loads the language model outside the timings
  if (process.argv.includes('--in-memory')) inMemory(feed, policy);
  else await endToEnd(feed, policy);
}

async function endToEnd(feed: ReadonlyArray<{ topic: string; article: T17Article }>, policy: InboxPolicy): Promise<void> {
  const chosen = process.argv.includes('--auto-join-at') ? policy.autoJoinAt : null;
  const run = await routeThroughInbox(
    feed.map(({ topic, article }) => ({ topic, outlet: article.outlet, publishedOn: article.publishedOn, text: article.text })),
    chosen,
    { replay: !process.argv.includes('--no-replay') },
  );
  console.log(`end to end: each article sent to an inbox (extraction + the inbox command on ${run.where}), routed by the router reactor from the log`);
  report({ ...run, policy, topics: new Set(feed.map((item) => item.topic)).size, merges: [], timing: { ingestLabel: 'ingest (extraction + append to the inbox)', ingestMs: run.ingestMs, routingMs: run.routingMs }, inMemory: false });
  const perArticle = run.applyMs / run.routed.length;
  console.log(`of the routing time, inside the reactor's batches: ${perArticle.toFixed(2)} ms/article, ${pct(run.applyMs / run.ingestMs)} of ingest time (the rest is reading the log, which a projector does anyway)`);
  if (run.replay) {
    const { before, after, sameDecisions } = run.replay;
    console.log(`replay: the reactor read the whole log again from an empty read model: ${after - before} events appended (expected 0), decisions ${sameDecisions ? 'identical' : 'DIFFERENT'}`);
  }
}

function inMemory(feed: ReadonlyArray<{ topic: string; article: T17Article }>, policy: InboxPolicy): void {

  const router = new Router();
  const routed: Routed[] = [];
  const waiting: Array<{ topic: string; score: number; proposed: string }> = [];
  const bestScores: number[] = [];
  let extractionMs = 0;
  let routingMs = 0;
  let opened = 0;
  const merges: string[] = [];
  for (const { topic, article } of feed) {
    const reportId = `${topic}/${article.id}`;
    let started = performance.now();
    const extracted = extractReport(article.text, { publishedAt: article.publishedOn, outlet: article.outlet });
    extractionMs += performance.now() - started;
    started = performance.now();
    const features = router.features({ reportId, text: article.text, extracted, outlet: article.outlet });
    const decision = router.route(features, policy, () => `story-${++opened}`);
    routingMs += performance.now() - started;
    for (const merge of decision.merged) {
      for (const item of routed) if (item.storyId === merge.fromId) Object.assign(item, { storyId: merge.intoId });
      merges.push(`${merge.fromId} into ${merge.intoId} (${merge.score})`);
    }
    const firstStory = decision.proposals.find((proposal) => proposal.storyId !== null);
    bestScores.push(firstStory?.score ?? 0);
    if (decision.storyId !== null) {
      routed.push({ topic, storyId: decision.storyId, waited: false });
      continue;
    }
    // The analyst is simulated as accepting the router's first proposal (no gold labels used).
    const first = decision.proposals[0];
    const storyId = first.storyId ?? `story-${++opened}`;
    router.join(storyId, features);
    routed.push({ topic, storyId, waited: true });
    waiting.push({ topic, score: first.score, proposed: first.storyId === null ? 'new story' : storyId });
  }
  const topEntities = new Map(router.snapshot().stories.map((story) => [story.storyId, [...story.entities].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name]) => name).join(', ')]));
  const timing = { ingestLabel: 'extraction', ingestMs: extractionMs, routingMs };
  console.log('in memory: the router alone on extraction results; an analyst accepts each waiting report at once');
  report({ routed, waiting, policy, timing, topics: new Set(feed.map((item) => item.topic)).size, topEntities, merges, bestScores, inMemory: true });
}

function report(run: {
  routed: Routed[];
  waiting: Array<{ topic: string; score: number; proposed: string }>;
  policy: InboxPolicy;
  timing: { ingestLabel: string; ingestMs: number; routingMs: number };
  topics: number;
  topEntities: ReadonlyMap<string, string>;
  merges: readonly string[];
  bestScores: readonly number[];
  inMemory: boolean;
}): void {
  const { routed, waiting, policy } = run;
  const { ingestLabel, ingestMs, routingMs } = run.timing;
  const n = routed.length;
  const stories = storyTable(routed);
  const all = bCubed(routed.map((item) => ({ cluster: item.storyId, label: item.topic })));
  const autoOnly = bCubed(routed.map((item, index) => ({ cluster: item.waited ? `waiting-${index}` : item.storyId, label: item.topic })));
  console.log(`router ${ROUTER_VERSION}; inbox policy: join at once at score >= ${policy.autoJoinAt}, open new stories at once: ${policy.autoOpen}`);
  console.log(`${n} articles of ${run.topics} topics, mixed in publication order; ${stories.length} stories made`);
  console.log('\n| story | reports | topic mix | heaviest entities in its profile |\n| --- | ---: | --- | --- |');
  for (const story of stories.slice(0, 10)) console.log(`| ${story.storyId} | ${story.size} | ${story.mix} | ${run.topEntities.get(story.storyId) ?? ''} |`);
  if (stories.length > 10) {
    const rest = stories.slice(10);
    console.log(`| ${rest.length} more | ${rest.reduce((sum, story) => sum + story.size, 0)} | | sizes ${rest.map((story) => story.size).join(', ')} |`);
  }
  console.log(`merges applied at once${run.inMemory ? ` (autoMergeAt ${policy.autoMergeAt})` : ' (the router reactor applies none; an analyst merges)'}: ${run.merges.length === 0 ? 'none' : run.merges.join('; ')}`);
  const perTopic = storiesPerTopic(routed, 1);
  const substantial = storiesPerTopic(routed, Math.ceil(n * 0.01));
  console.log(`\nstories per topic (by majority): ${[...perTopic].map(([topic, count]) => `${topic} ${count}`).join(', ')}; holding at least 1% of the reports: ${[...substantial].map(([topic, count]) => `${topic} ${count}`).join(', ')} (target <= ${STORIES_PER_TOPIC_TARGET})`);
  console.log(`B-cubed (analyst accepts the first proposal): precision ${all.precision.toFixed(3)}, recall ${all.recall.toFixed(3)}, F1 ${all.f1.toFixed(3)} (target >= ${F1_TARGET})`);
  console.log(`B-cubed (waiting reports left unassigned):    precision ${autoOnly.precision.toFixed(3)}, recall ${autoOnly.recall.toFixed(3)}, F1 ${autoOnly.f1.toFixed(3)}`);
  console.log(`sent to an analyst (below ${policy.autoJoinAt}): ${waiting.length} of ${n} (${pct(waiting.length / n)})${analystQueue(waiting)}`);
  const majority = majorityTopics(routed);
  const waited = routed.filter((item) => item.waited);
  const agreeing = waited.filter((item) => majority.get(item.storyId) === item.topic).length;
  console.log(`of the waiting reports, ${agreeing} (${pct(agreeing / Math.max(1, waited.length))}) had a first proposal whose story ended mostly of their own topic`);
  const wouldWait = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4].map((at) => `${at}: ${run.bestScores.filter((score) => score < at).length}`);
  console.log(`reports whose best story scored below a threshold, for choosing an inbox's autoJoinAt: ${wouldWait.join(', ')}`);
  const routingPer = routingMs / n;
  const ingestPer = ingestMs / n;
  console.log(`routing: ${routingPer.toFixed(2)} ms/article (${(1000 / routingPer).toFixed(0)} articles/s); ${ingestLabel}: ${ingestPer.toFixed(2)} ms/article (${(1000 / ingestPer).toFixed(0)} articles/s); both: ${(1000 / (routingPer + ingestPer)).toFixed(0)} articles/s`);
  const overhead = routingPer / ingestPer;
  console.log(`routing adds ${pct(overhead)} to ${ingestLabel} time per article (target <= ${pct(OVERHEAD_TARGET)})`);
  const worstStories = Math.max(...substantial.values());
  const verdicts = [all.f1 >= F1_TARGET ? 'F1 met' : 'F1 MISSED', worstStories <= STORIES_PER_TOPIC_TARGET ? 'stories per topic (at least 1% of the reports) met' : 'stories per topic MISSED', overhead <= OVERHEAD_TARGET ? 'overhead met' : 'overhead MISSED'];
  console.log(`targets: ${verdicts.join('; ')}`);
}

function storyTable(routed: readonly Routed[]): Array<{ storyId: string; size: number; mix: string }> {
  const byStory = new Map<string, Map<string, number>>();
  for (const item of routed) {
    const mix = byStory.get(item.storyId) ?? new Map<string, number>();
    byStory.set(item.storyId, mix);
    mix.set(item.topic, (mix.get(item.topic) ?? 0) + 1);
  }
  return [...byStory.entries()]
    .map(([storyId, mix]) => ({
      storyId,
      size: [...mix.values()].reduce((sum, count) => sum + count, 0),
      mix: [...mix.entries()].sort((a, b) => b[1] - a[1]).map(([topic, count]) => `${topic} ${count}`).join(', '),
    }))
    .sort((a, b) => b.size - a.size || a.storyId.localeCompare(b.storyId, 'en', { numeric: true }));
}

/** For each topic, the number of stories of at least `minSize` reports in which it is the majority topic. */
function storiesPerTopic(routed: readonly Routed[], minSize: number): Map<string, number> {
  const byStory = new Map<string, Map<string, number>>();
  for (const item of routed) {
    const mix = byStory.get(item.storyId) ?? new Map<string, number>();
    byStory.set(item.storyId, mix);
    mix.set(item.topic, (mix.get(item.topic) ?? 0) + 1);
  }
  const counts = new Map<string, number>([...new Set(routed.map((item) => item.topic))].sort().map((topic) => [topic, 0]));
  for (const mix of byStory.values()) {
    if ([...mix.values()].reduce((sum, count) => sum + count, 0) < minSize) continue;
    const [majority] = [...mix.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    counts.set(majority, (counts.get(majority) ?? 0) + 1);
  }
  return counts;
}

/** Each story's majority topic at the end of the run. */
function majorityTopics(routed: readonly Routed[]): Map<string, string> {
  const byStory = new Map<string, Map<string, number>>();
  for (const item of routed) {
    const mix = byStory.get(item.storyId) ?? new Map<string, number>();
    byStory.set(item.storyId, mix);
    mix.set(item.topic, (mix.get(item.topic) ?? 0) + 1);
  }
  return new Map([...byStory].map(([storyId, mix]) => [storyId, [...mix.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]]));
}

/** B-cubed precision and recall (Bagga & Baldwin 1998), averaged over items. */
export function bCubed(items: ReadonlyArray<{ cluster: string; label: string }>): { precision: number; recall: number; f1: number } {
  const clusterSize = tally(items.map((item) => item.cluster));
  const labelSize = tally(items.map((item) => item.label));
  const both = tally(items.map((item) => `${item.cluster}\u0000${item.label}`));
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = both.get(`${item.cluster}\u0000${item.label}`)!;
    precision += shared / clusterSize.get(item.cluster)!;
    recall += shared / labelSize.get(item.label)!;
  }
  precision /= items.length;
  recall /= items.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function analystQueue(waiting: ReadonlyArray<{ topic: string; score: number; proposed: string }>): string {
  if (waiting.length === 0) return '';
  const scores = waiting.map((item) => item.score).sort((a, b) => a - b);
  const newStories = waiting.filter((item) => item.proposed === 'new story').length;
  return `; their best scores ${scores[0].toFixed(2)}..${scores[scores.length - 1].toFixed(2)} (median ${scores[Math.floor(scores.length / 2)].toFixed(2)}), ${newStories} proposing a new story`;
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function compareArticles(a: T17Article, b: T17Article): number {
  return a.publishedOn.localeCompare(b.publishedOn) || a.outlet.localeCompare(b.outlet) || a.id.localeCompare(b.id, 'en', { numeric: true });
}

function autoJoinAtFromArgs(): number {
  const at = process.argv.indexOf('--auto-join-at');
  if (at < 0) return DEFAULT_INBOX_POLICY.autoJoinAt;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) {
    console.error('--auto-join-at: must be a number at least 0');
    process.exit(2);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run eval:claims`: on ../shared/corpora/t17-dev, extracts every article of a topic with the
 * current extractor (cached under .eval-cache/), groups the facts into claims, builds the key
 * developments, and scores the top k days of that view against each journalist's gold timeline of
 * k dates (date F1 as in news-tls, Ghalandari & Ifrim 2020: precision and recall of the selected
 * set of days), averaged per topic. Beside it the naive baseline: the k days on which most
 * articles were published. Prints figures only; never writes corpus text anywhere.
 */
import { performance } from 'node:perf_hooks';
import { ClaimIndex, keyDevelopments, topDays, type ClaimFact, type ReportDay } from '../../libs/claims/src';
import { reportDayMentions } from '../../libs/extraction/src';
import { loadT17Topics, t17Missing, type T17Topic } from '../corpora/t17';
import { extractArticles, type ExtractedArticle } from './extraction-cache';

export interface TopicScore {
  readonly topic: string;
  readonly articles: number;
  readonly facts: number;
  readonly claims: number;
  readonly multiOutletClaims: number;
  readonly datedDays: number;
  readonly goldTimelines: string;
  readonly dateF1: number;
  readonly baselineF1: number;
  /** The same, choosing only among days within each gold timeline's first and last date (the news-tls protocol). */
  readonly inSpanF1: number;
  readonly inSpanBaselineF1: number;
  /** The baseline when a timeline's repeated dates count as separate entries (k and recall over all entries). */
  readonly baselineF1RawEntries: number;
  readonly groupingMs: number;
  /** The ranking the view used ("name version"). */
  readonly ranking: string;
  /** Date F1 of the view's days ranked without report days (the claim-reports ranking), for comparison. */
  readonly claimReportsF1: number;
  /** Date F1 when only days with at least one dated claim may be chosen. */
  readonly claimDaysOnlyF1: number;
  /** Milliseconds spent finding the days every report names (reportDayMentions), per article. */
  readonly mentionMsPerArticle: number;
}

/** news-tls date F1: the selected days against the gold days, as sets. */
export function dateF1(predicted: readonly string[], gold: readonly string[]): number {
  const goldDays = new Set(gold);
  const hits = new Set(predicted.filter((day) => goldDays.has(day))).size;
  if (hits === 0) return 0;
  const precision = hits / new Set(predicted).size;
  const recall = hits / goldDays.size;
  return (2 * precision * recall) / (precision + recall);
}

/** Days ranked by how many articles were published on them (ties: the earlier day). */
export function publicationRanking(topic: T17Topic): string[] {
  const counts = new Map<string, number>();
  for (const article of topic.articles) counts.set(article.publishedOn, (counts.get(article.publishedOn) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([day]) => day);
}

/** The first k days of a ranking, optionally only those within [from, to]. */
function firstDays(ranking: readonly string[], k: number, span?: { from: string; to: string }): string[] {
  return ranking.filter((day) => !span || (day >= span.from && day <= span.to)).slice(0, k);
}

/** Raw-entry F1: a timeline's repeated dates count as separate gold entries. */
function rawEntryF1(predicted: readonly string[], entries: readonly string[]): number {
  const hits = predicted.filter((day) => entries.includes(day)).length;
  if (hits === 0) return 0;
  const precision = hits / predicted.length;
  const recall = hits / entries.length;
  return (2 * precision * recall) / (precision + recall);
}

export function claimFactsOf(extracted: readonly ExtractedArticle[]): ClaimFact[] {
  return extracted.flatMap(({ article, result }) =>
    result.facts.map((fact, index) => ({
      id: `${article.id}#${index}`,
      reportId: article.id,
      outlet: article.outlet,
      reportedAt: `${article.publishedOn}T00:00:00.000Z`,
      statement: fact.statement,
      occurred: fact.occurred ?? null,
      entities: fact.entities,
      modality: fact.modality,
    })),
  );
}

/** The days every article names in any sentence, as the claims projection keeps them. */
export function reportDaysOf(topic: T17Topic): ReportDay[] {
  return topic.articles.flatMap((article) => {
    const reportedAt = `${article.publishedOn}T00:00:00.000Z`;
    return reportDayMentions(article.text, reportedAt).map(({ day }) => ({ reportId: article.id, outlet: article.outlet, reportedAt, day }));
  });
}

export function scoreTopic(topic: T17Topic, extracted: readonly ExtractedArticle[]): TopicScore {
  const facts = claimFactsOf(extracted);
  const mentionStarted = performance.now();
  const reportDays = reportDaysOf(topic);
  const mentionMsPerArticle = (performance.now() - mentionStarted) / topic.articles.length;
  const started = performance.now();
  const index = new ClaimIndex();
  for (const fact of facts) index.add(fact);
  const claims = index.claims();
  const view = keyDevelopments(claims, {}, reportDays);
  const groupingMs = performance.now() - started;
  const claimReports = keyDevelopments(claims);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  // As news-tls reads a timeline (a mapping from date to summary), a date listed twice is one gold date.
  const golds = topic.timelines.map((timeline) => [...new Set(timeline.dates.map((entry) => entry.date))].sort());
  const ours = view.days.map((day) => day.day);
  const published = publicationRanking(topic);
  const spanOf = (gold: string[]) => ({ from: gold[0], to: gold[gold.length - 1] });
  const rawEntries = topic.timelines.map((timeline) => timeline.dates.map((entry) => entry.date));
  return {
    topic: topic.name,
    articles: topic.articles.length,
    facts: facts.length,
    claims: claims.length,
    multiOutletClaims: claims.filter((claim) => claim.outlets.length > 1).length,
    datedDays: view.days.length,
    goldTimelines: golds.map((gold) => gold.length).join('+'),
    dateF1: mean(golds.map((gold) => dateF1(topDays(view, gold.length), gold))),
    baselineF1: mean(golds.map((gold) => dateF1(firstDays(published, gold.length), gold))),
    inSpanF1: mean(golds.map((gold) => dateF1(firstDays(ours, gold.length, spanOf(gold)), gold))),
    inSpanBaselineF1: mean(golds.map((gold) => dateF1(firstDays(published, gold.length, spanOf(gold)), gold))),
    baselineF1RawEntries: mean(rawEntries.map((entries) => rawEntryF1(firstDays(published, entries.length), entries))),
    groupingMs,
    ranking: `${view.ranking.name} ${view.ranking.version}`,
    claimReportsF1: mean(golds.map((gold) => dateF1(topDays(claimReports, gold.length), gold))),
    claimDaysOnlyF1: mean(golds.map((gold) => dateF1(firstDays(view.days.filter((day) => day.developments.length > 0).map((day) => day.day), gold.length), gold))),
    mentionMsPerArticle,
  };
}

function main(): void {
  const missing = t17Missing();
  if (missing) {
    console.log(`eval:claims skipped: ${missing}.`);
    return;
  }
  const fresh = process.argv.includes('--fresh');
  const rows: TopicScore[] = [];
  for (const topic of loadT17Topics()) {
    const extracted = extractArticles(topic.articles, { fresh });
    rows.push(scoreTopic(topic, extracted));
    // ---- FACT STATISTICS (scripts/eval/facts.ts, written with libs/extraction) ----
    // Once that module exists, compute its figures (facts per article, share attributed,
    // furniture matches) for `extracted` here and print them beside the claims table.
    // ---- end FACT STATISTICS ----
  }
  printTable(rows);
}

function printTable(rows: readonly TopicScore[]): void {
  const header = ['topic', 'ranking', 'articles', 'facts', 'claims', 'claims >1 outlet', 'dated days', 'gold dates', 'date F1', 'baseline F1', 'gain', 'in-span F1', 'in-span baseline', 'grouping ms'];
  const lines = rows.map((row) => [
    row.topic,
    row.ranking,
    String(row.articles),
    String(row.facts),
    String(row.claims),
    String(row.multiOutletClaims),
    String(row.datedDays),
    row.goldTimelines,
    row.dateF1.toFixed(3),
    row.baselineF1.toFixed(3),
    (row.dateF1 - row.baselineF1 >= 0 ? '+' : '') + (row.dateF1 - row.baselineF1).toFixed(3),
    row.inSpanF1.toFixed(3),
    row.inSpanBaselineF1.toFixed(3),
    row.groupingMs.toFixed(0),
  ]);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  console.log('');
  console.log('gold dates: distinct dates per timeline (a date a timeline lists twice counts once, as news-tls reads it).');
  console.log('in-span: only days within each gold timeline\'s first and last date may be chosen (the news-tls protocol).');
  console.log(`claim-reports ranking (no report days): ${rows.map((row) => `${row.topic} ${row.claimReportsF1.toFixed(3)}`).join(', ')}`);
  console.log(`only days with a dated claim: ${rows.map((row) => `${row.topic} ${row.claimDaysOnlyF1.toFixed(3)}`).join(', ')}`);
  console.log(`finding the days a report names: ${rows.map((row) => `${row.topic} ${row.mentionMsPerArticle.toFixed(2)} ms per article`).join(', ')}`);
  console.log(`baseline counting repeated gold dates as separate entries: ${rows.map((row) => `${row.topic} ${row.baselineF1RawEntries.toFixed(3)}`).join(', ')}`);
}

if (require.main === module) main();

/**
 * Facts per article, the share with an attribution, and page furniture that became facts, on the
 * Timeline17 development topics (../shared/corpora/t17-dev) and BASIL (../shared/corpora/basil).
 *
 * Furniture is counted with a FIXED list of patterns defined here, on purpose independent of the
 * extractor's own furniture rules, so that this script catches what those rules miss. Prints
 * figures only (and, with --show N, up to N offending statements for development); never writes
 * corpus text anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTRACTOR_VERSION, extractReport, type ExtractedFact } from '../../libs/extraction/src';
import { loadT17Topics, t17Missing } from '../corpora/t17';

/** Page furniture a reader would never call a claim. Changing this list changes the yardstick. */
export const FURNITURE_PATTERNS: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: 'photo credit', pattern: /\bvia (?:Getty|AFP|AP|Reuters)\b|\bGetty Images\b|\b(?:AP|AFP|Reuters|EPA) (?:Photo|Images)\b|\bPhoto(?:graph)?(?: credit)?:|\/(?:AFP|Getty|AP|Reuters|EPA)\b/i },
  { name: 'caption', pattern: /\b(?:is|are) (?:seen|pictured|shown) (?:in|on) (?:this|a|an) (?:\w+ )?(?:photo|picture|image|handout|video|still)|\bin this (?:\w+ )?(?:photo|picture|image)\b|^(?:photos?|pictured|caption|image|file photo)\s*:/i },
  { name: 'social prompt', pattern: /\bfollow\b.{0,60}\bon (?:twitter|facebook|instagram)\b|\blike us on facebook\b|\bshare (?:this|on) (?:twitter|facebook)\b/i },
  { name: 'newsletter prompt', pattern: /\b(?:sign up|subscribe)\b.{0,60}\b(?:newsletter|alerts?|updates|briefing)\b|\bnewsletter\b.{0,40}\b(?:inbox|sign up|subscribe)\b/i },
  { name: 'tip line', pattern: /\b(?:send|share) (?:us )?(?:your )?(?:a )?(?:news )?tips?\b|\btip line\b|\bhave a (?:news )?tip\b|\bcontact (?:us|the newsroom) at\b|\bireport\b/i },
  { name: "editor's note", pattern: /\beditor'?s'?\u2019?s? note\b|\beditor\u2019s note\b/i },
  { name: 'embedded post', pattern: /pic\.twitter\.com|twitter\.com\/\w+\/status|\(@\w+\)\s+\w+ \d{1,2}, \d{4}|&mdash;|\bView this post on Instagram\b|\bA post shared by\b/i },
  { name: 'advertisement', pattern: /^advertisement\b|\badvertisement$|\bultra-low latency infrastructure\b/i },
  { name: 'comment prompt', pattern: /\bwe welcome comments\b|\b(?:leave|post) a comment\b|\bcomments? (?:policy|section)\b/i },
  { name: 'byline', pattern: /^By (?:the )?[\p{Lu}][\p{L}'-]+ (?:[\p{Lu}][\p{L}.'-]* )*[\p{Lu}][\p{L}'-]+(?:,| and\b| [\p{Lu}]{2,}|$)|\b(?:CNN|Reuters|AP|BBC) (?:Wire|News) Staff\b/u },
  { name: 'credit line', pattern: /(?:^|\()\s*(?:with )?(?:additional )?(?:reporting|editing|writing) by\b|;\s*(?:editing|writing) by\b|\bcontributed to this report\b/i },
  { name: 'page link', pattern: /\b(?:click here|read more|watch (?:the )?video|related:|full coverage|copyright \d{4}|all rights reserved)\b/i },
];

export interface ArticleFacts {
  readonly id: string;
  readonly facts: readonly ExtractedFact[];
}

export interface FactFigures {
  readonly articles: number;
  readonly facts: number;
  readonly medianPerArticle: number;
  readonly p90PerArticle: number;
  /** Share of facts with an attribution source or cue. */
  readonly attributedShare: number;
  /** Share of facts with a source span (a name, a pronoun, a group). */
  readonly sourcedShare: number;
  /** Share of facts whose source resolves to a name (not an unnamed group or anonymous source). */
  readonly namedShare: number;
  readonly speculationShare: number;
  /** Statements repeated exactly within one article. */
  readonly duplicates: number;
  /** Facts ending in a question mark. */
  readonly questions: number;
  readonly furniture: number;
  readonly furnitureByPattern: Readonly<Record<string, number>>;
  /** Up to `show` furniture statements, for development. */
  readonly furnitureExamples: readonly string[];
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at];
}

/** Figures over extracted facts per article. */
export function factFigures(articles: readonly ArticleFacts[], show = 0): FactFigures {
  const counts = articles.map((article) => article.facts.length).sort((a, b) => a - b);
  const all = articles.flatMap((article) => article.facts);
  const byPattern: Record<string, number> = Object.fromEntries(FURNITURE_PATTERNS.map(({ name }) => [name, 0]));
  const examples: string[] = [];
  let furniture = 0;
  for (const fact of all) {
    const hit = FURNITURE_PATTERNS.find(({ pattern }) => pattern.test(fact.statement.trim()));
    if (!hit) continue;
    furniture += 1;
    byPattern[hit.name] += 1;
    if (examples.length < show) examples.push(`[${hit.name}] ${fact.statement.slice(0, 160)}`);
  }
  let duplicates = 0;
  for (const article of articles) {
    const seen = new Set<string>();
    for (const fact of article.facts) {
      if (seen.has(fact.statement)) duplicates += 1;
      seen.add(fact.statement);
    }
  }
  const share = (count: number) => (all.length === 0 ? 0 : count / all.length);
  return {
    articles: articles.length,
    facts: all.length,
    medianPerArticle: quantile(counts, 0.5),
    p90PerArticle: quantile(counts, 0.9),
    attributedShare: share(all.filter((fact) => fact.attribution.source || fact.attribution.cue).length),
    sourcedShare: share(all.filter((fact) => fact.attribution.source).length),
    namedShare: share(all.filter((fact) => fact.attribution.sourceName).length),
    speculationShare: share(all.filter((fact) => fact.modality === 'speculation').length),
    duplicates,
    questions: all.filter((fact) => /\?["\u201d']?$/.test(fact.statement)).length,
    furniture,
    furnitureByPattern: byPattern,
    furnitureExamples: examples,
  };
}

interface Corpus {
  readonly name: string;
  readonly articles: ReadonlyArray<{ readonly id: string; readonly text: string; readonly publishedAt: string | null }>;
}

const BASIL = resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'basil');

function basilCorpus(): Corpus | null {
  if (!existsSync(BASIL)) return null;
  const articles: { id: string; text: string; publishedAt: string | null }[] = [];
  for (const year of readdirSync(join(BASIL, 'articles')).sort()) {
    for (const file of readdirSync(join(BASIL, 'articles', year)).sort()) {
      if (!file.endsWith('.json')) continue;
      const article = JSON.parse(readFileSync(join(BASIL, 'articles', year, file), 'utf8')) as { date?: string; 'body-paragraphs': string[][] };
      const text = article['body-paragraphs'].map((paragraph) => paragraph.join(' ')).join('\n');
      if (text.trim()) articles.push({ id: `${year}/${file}`, text, publishedAt: article.date ?? null });
    }
  }
  return { name: 'basil', articles };
}

function t17Corpora(): Corpus[] {
  const missing = t17Missing();
  if (missing) {
    console.log(`t17 skipped: ${missing}`);
    return [];
  }
  return loadT17Topics().map((topic) => ({
    name: `t17 ${topic.name}`,
    articles: topic.articles.map((article) => ({ id: article.id, text: article.text, publishedAt: article.publishedOn })),
  }));
}

function extractAll(corpus: Corpus): ArticleFacts[] {
  return corpus.articles.map((article) => {
    const publishedAt = article.publishedAt && !Number.isNaN(new Date(article.publishedAt).getTime()) ? article.publishedAt : null;
    return { id: article.id, facts: extractReport(article.text, { publishedAt }).facts };
  });
}

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;

function main(): void {
  const showAt = process.argv.indexOf('--show');
  const show = showAt >= 0 ? Number(process.argv[showAt + 1] ?? 20) : 0;
  const corpora = [...t17Corpora(), basilCorpus()].filter((corpus): corpus is Corpus => corpus !== null);
  if (!existsSync(BASIL)) console.log(`basil skipped: ${BASIL} is absent`);
  console.log(`Facts per article, extractor storyline-rules ${EXTRACTOR_VERSION}`);
  console.log('| corpus | articles | facts | median | p90 | attributed | with source | named source | speculation | duplicates | questions | furniture |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const details: string[] = [];
  for (const corpus of corpora) {
    const figures = factFigures(extractAll(corpus), show);
    console.log(
      `| ${corpus.name} | ${figures.articles} | ${figures.facts} | ${figures.medianPerArticle} | ${figures.p90PerArticle} | ${percent(figures.attributedShare)} | ${percent(figures.sourcedShare)} | ${percent(figures.namedShare)} | ${percent(figures.speculationShare)} | ${figures.duplicates} | ${figures.questions} | ${figures.furniture} |`,
    );
    const nonZero = Object.entries(figures.furnitureByPattern).filter(([, count]) => count > 0);
    if (nonZero.length) details.push(`${corpus.name} furniture: ${nonZero.map(([name, count]) => `${name} ${count}`).join(', ')}`);
    details.push(...figures.furnitureExamples.map((example) => `  ${example}`));
  }
  for (const line of details) console.log(line);
}

if (require.main === module) main();

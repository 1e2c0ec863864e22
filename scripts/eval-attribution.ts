/**
 * Scores quote-speaker attribution against the BASIL annotations (Fan et al., EMNLP 2019) in
 * ../shared/corpora/basil. Unit: each phrase BASIL marks `quote: yes` with a speaker it names
 * (speakers "other_*" and "" are left out). "named" counts people and organisations; "named or
 * group" adds categories such as "Democratic_lawmakers", which BASIL gives where the article
 * quotes one member by name. A phrase is predicted when the narrowest fact whose evidence covers
 * it has a source, and correct when that source (or its normalised entity) shares a distinctive
 * word with the annotated speaker. Prints figures only; never writes corpus text anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractReport, type ExtractedFact, type ExtractionResult } from '../libs/extraction/src';

const SHARED = resolve(__dirname, '..', '..', 'shared');
const BASIL = join(SHARED, 'corpora', 'basil');

interface Article {
  readonly date: string;
  readonly source: string;
  readonly 'body-paragraphs': string[][];
}
interface Phrase {
  readonly quote: string;
  readonly speaker: string;
  readonly start: number;
  readonly txt: string;
}
interface Gold {
  readonly speaker: string;
  readonly at: number;
}
interface Tally {
  gold: number;
  predicted: number;
  correct: number;
  unlocated: number;
}

/** BASIL speakers that are categories of people rather than names ("Democratic_lawmakers"). */
const GROUP_HEADS = new Set(['lawmakers', 'officials', 'members', 'democrats', 'republicans', 'catholics', 'companies', 'plaintiffs', 'protestors']);

function isGroupSpeaker(speaker: string): boolean {
  const words = speaker.toLowerCase().split('_');
  return GROUP_HEADS.has(words[words.length - 1]);
}

/** Words too common in speaker names to show a match on their own. */
const GENERIC = new Set([
  'the', 'of', 'and', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'house', 'senate', 'committee', 'members',
  'member', 'lawmakers', 'officials', 'official', 'campaign', 'party', 'gop', 'companies', 'senator', 'sen',
  'rep', 'president', 'white', 'administration', 'aides', 'spokesman', 'spokeswoman', 'staff',
]);

type Tallies = Map<string, Tally>;

function main(): void {
  if (!existsSync(BASIL)) {
    console.log(`eval:attribution skipped: ${BASIL} is absent (the BASIL corpus lives beside the project in ../shared).`);
    return;
  }
  const tallies: Tallies = new Map();
  const started = Date.now();
  const pairs = annotatedArticles();
  for (const [annotationPath, articlePath] of pairs) scoreArticle(annotationPath, articlePath, tallies);
  report(tallies, pairs.length, Date.now() - started);
}

function tallyOf(tallies: Tallies, key: string): Tally {
  const tally = tallies.get(key) ?? { gold: 0, predicted: 0, correct: 0, unlocated: 0 };
  tallies.set(key, tally);
  return tally;
}

function annotatedArticles(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const year of readdirSync(join(BASIL, 'annotations')).sort()) {
    for (const file of readdirSync(join(BASIL, 'annotations', year)).sort()) {
      const article = join(BASIL, 'articles', year, file.replace(/_ann\.json$/, '.json'));
      if (file.endsWith('_ann.json') && existsSync(article)) pairs.push([join(BASIL, 'annotations', year, file), article]);
    }
  }
  return pairs;
}

/** Joins sentences with spaces and paragraphs with newlines, keeping where each sentence starts. */
function articleText(article: Article): { text: string; sentences: { start: number; text: string }[] } {
  const sentences: { start: number; text: string }[] = [];
  let text = '';
  for (const paragraph of article['body-paragraphs']) {
    if (text) text += '\n';
    paragraph.forEach((sentence, index) => {
      if (index > 0) text += ' ';
      sentences.push({ start: text.length, text: sentence });
      text += sentence;
    });
  }
  return { text, sentences };
}

function scoreArticle(annotationPath: string, articlePath: string, tallies: Tallies): void {
  const article = JSON.parse(readFileSync(articlePath, 'utf8')) as Article;
  const phrases = (JSON.parse(readFileSync(annotationPath, 'utf8'))['phrase-level-annotations'] ?? []) as Phrase[];
  const named = phrases.filter((phrase) => phrase.quote === 'yes' && phrase.speaker && !phrase.speaker.startsWith('other'));
  if (!named.length) return;
  const { text, sentences } = articleText(article);
  const result = extractReport(text, { publishedAt: article.date });
  for (const phrase of named) {
    const at = locate(phrase, sentences, text);
    const group = isGroupSpeaker(phrase.speaker);
    const keys = group ? ['named or group'] : ['named', 'named or group', `named, ${article.source.toLowerCase()}`, `named, ${period(articlePath)}`];
    for (const key of keys) {
      const tally = tallyOf(tallies, key);
      if (at < 0) tally.unlocated += 1;
      else score({ speaker: phrase.speaker, at }, result, tally);
    }
  }
}

// Where the phrase's first word starts: BASIL phrases may begin with the quotation mark itself.
// Errors were read while writing the rules, mostly from the 2010-2015 articles: the split
// shows whether the figures lean on them.
function period(articlePath: string): string {
  const year = Number(/(\d{4})[\\/][^\\/]+$/.exec(articlePath)?.[1]);
  return year <= 2015 ? '2010-2015' : '2016-2019';
}

function locate(phrase: Phrase, sentences: readonly { start: number; text: string }[], text: string): number {
  const exact = sentences.find((sentence) => sentence.text.startsWith(phrase.txt, phrase.start));
  const at = exact ? exact.start + phrase.start : text.indexOf(phrase.txt);
  const firstWord = phrase.txt.search(/[\p{L}\p{N}]/u);
  return at < 0 ? -1 : at + Math.max(0, firstWord);
}

function score(gold: Gold, result: ExtractionResult, tally: Tally): void {
  tally.gold += 1;
  const fact = coveringFact(result.facts, gold.at);
  if (!fact?.attribution.source) return;
  tally.predicted += 1;
  if (namesSpeaker(fact, gold.speaker)) tally.correct += 1;
}

// The narrowest attributed fact around the phrase: a quotation's fact before its sentence's.
function coveringFact(facts: readonly ExtractedFact[], at: number): ExtractedFact | undefined {
  return facts
    .filter((fact) => fact.evidence.start <= at && at < fact.evidence.end && fact.attribution.source)
    .sort((a, b) => a.evidence.end - a.evidence.start - (b.evidence.end - b.evidence.start))[0];
}

const words = (value: string): string[] =>
  value
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word.length > 1);
const stem = (word: string): string => word.slice(0, 6);

/**
 * The predicted source names the speaker when it, or the name it resolves to ("he" is "Barack
 * Obama"), shares a distinctive word of the speaker's name.
 */
function namesSpeaker(fact: ExtractedFact, speaker: string): boolean {
  const { source, sourceName } = fact.attribution;
  const spans = [source!, ...(sourceName ? [sourceName] : [])];
  const normalised = fact.entities
    .filter((entity) => spans.some((span) => entity.start >= span.start && entity.end <= span.end))
    .map((entity) => entity.name);
  const predicted = new Set([...spans.map((span) => span.text), ...normalised].flatMap(words).map(stem));
  const goldWords = words(speaker.replace(/_/g, ' '));
  const distinctive = goldWords.filter((word) => !GENERIC.has(word));
  return (distinctive.length ? distinctive : goldWords).some((word) => predicted.has(stem(word)));
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function figures(tally: Tally): string {
  const precision = ratio(tally.correct, tally.predicted);
  const recall = ratio(tally.correct, tally.gold);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return `P=${precision.toFixed(3)} R=${recall.toFixed(3)} F1=${f1.toFixed(3)} (gold ${tally.gold}, predicted ${tally.predicted}, correct ${tally.correct}, unlocated ${tally.unlocated})`;
}

function report(tallies: Tallies, articles: number, ms: number): void {
  console.log(`BASIL quote-speaker attribution over ${articles} annotated articles (${ms} ms)`);
  for (const [key, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) console.log(`${key}: ${figures(tally)}`);
}

main();

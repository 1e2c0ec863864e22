/**
 * Reads the Timeline17 development topics in ../shared/corpora/t17-dev (news-tls preprocessing):
 * articles with their outlet (from the folder name) and publication day, and the journalists'
 * gold timelines. The corpus text is Penn-Treebank tokenised; real users send ordinary text, so
 * the tokenisation is undone here, in the loader, never in the product. Nothing here is copied
 * into the project: callers read the corpus by path and skip when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const T17_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 't17-dev');

export interface T17Article {
  readonly id: string;
  /** The folder's outlet: `cnn`, `reuters`, `bbc`. */
  readonly outlet: string;
  /** Publication day, YYYY-MM-DD. */
  readonly publishedOn: string;
  readonly text: string;
}

/** One journalist's timeline: its dates (YYYY-MM-DD) with the sentences written for each. */
export interface T17Timeline {
  readonly outlet: string;
  readonly dates: ReadonlyArray<{ readonly date: string; readonly sentences: readonly string[] }>;
}

export interface T17Topic {
  /** `LibyaWar`, `SyrianCrisis`. */
  readonly name: string;
  /** Every non-empty article of every outlet, in publication order (then outlet, then id). */
  readonly articles: readonly T17Article[];
  readonly timelines: readonly T17Timeline[];
}

/** Why the corpus cannot be read, or null when it is there. */
export function t17Missing(dir = T17_DIR): string | null {
  return existsSync(dir) ? null : `${dir} is absent (the corpus lives beside the project in ../shared)`;
}

export function loadT17Topics(dir = T17_DIR): T17Topic[] {
  const byTopic = new Map<string, { articles: T17Article[]; timelines: T17Timeline[] }>();
  for (const folder of readdirSync(dir).sort()) {
    const match = /^(.+)_([a-z]+)$/.exec(folder);
    if (!match || !existsSync(join(dir, folder, 'articles.jsonl'))) continue;
    const [, name, outlet] = match;
    const topic = byTopic.get(name) ?? { articles: [], timelines: [] };
    byTopic.set(name, topic);
    for (const line of jsonLines(join(dir, folder, 'articles.jsonl'))) {
      const raw = line as { id: string | number; time: string; text: string };
      const text = detokenise(raw.text ?? '');
      if (text.trim().length === 0) continue;
      topic.articles.push({ id: `${outlet}-${raw.id}`, outlet, publishedOn: raw.time.slice(0, 10), text });
    }
    const timelinesFile = join(dir, folder, 'timelines.jsonl');
    if (existsSync(timelinesFile)) {
      for (const line of jsonLines(timelinesFile)) {
        const entries = line as Array<[string, string[]]>;
        topic.timelines.push({
          outlet,
          dates: entries.map(([date, sentences]) => ({ date: date.slice(0, 10), sentences: sentences.map(detokenise) })),
        });
      }
    }
  }
  return [...byTopic.entries()].map(([name, topic]) => ({
    name,
    articles: topic.articles.sort(
      (a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.outlet.localeCompare(b.outlet) || a.id.localeCompare(b.id, 'en', { numeric: true }),
    ),
    timelines: topic.timelines,
  }));
}

function jsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

const BRACKETS: Record<string, string> = {
  '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '-LCB-': '{', '-RCB-': '}',
};

/**
 * Undoes Penn-Treebank tokenisation: bracket tokens, `` and '' quotes, and the spaces the
 * tokeniser put before punctuation and clitics ("Gaddafi 's", "do n't", "2 %"). Paragraph breaks
 * (newlines) are kept.
 */
export function detokenise(text: string): string {
  return text
    .split('\n')
    .map((line) => detokeniseLine(line))
    .join('\n')
    .trim();
}

function detokeniseLine(line: string): string {
  let out = line.replace(/-[LR][RSC]B-/g, (token) => BRACKETS[token] ?? token);
  // Quotes: `` opens, '' closes; both become straight double quotes hugging their content.
  out = out.replace(/``\s*/g, '"').replace(/\s*''/g, '"');
  out = out.replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m|')(?=\s|$|[.,;:!?)])/gi, '$1');
  out = out.replace(/\s+([.,;:!?%)\]}])/g, '$1');
  out = out.replace(/([(\[{$])\s+/g, '$1');
  out = out.replace(/\s+--\s+/g, ' -- ');
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

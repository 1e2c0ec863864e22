/**
 * Extracts every article of a Timeline17 topic with the current extractor, caching each result
 * on disk under .eval-cache/ (git-ignored) keyed by the extractor's version and the text's
 * SHA-256, so a re-run after a change to the claims code only re-reads JSON. A change to the
 * extractor that forgets to bump its version is caught by `--fresh`, which ignores the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTRACTOR, extractReport, type ExtractionResult } from '../../libs/extraction/src';
import type { T17Article } from '../corpora/t17';

export const CACHE_DIR = resolve(__dirname, '..', '..', '.eval-cache', 'extraction');

export interface ExtractedArticle {
  readonly article: T17Article;
  readonly result: ExtractionResult;
}

export function extractArticles(
  articles: readonly T17Article[],
  options: { fresh?: boolean; onProgress?: (done: number, total: number) => void } = {},
): ExtractedArticle[] {
  const dir = join(CACHE_DIR, `${EXTRACTOR.name}-${EXTRACTOR.version}`);
  mkdirSync(dir, { recursive: true });
  return articles.map((article, index) => {
    const key = createHash('sha256').update(`${article.publishedOn}\n${article.outlet}\n${article.text}`).digest('hex');
    const file = join(dir, `${key}.json`);
    let result: ExtractionResult;
    if (!options.fresh && existsSync(file)) {
      result = JSON.parse(readFileSync(file, 'utf8')) as ExtractionResult;
    } else {
      result = extractReport(article.text, { publishedAt: `${article.publishedOn}T00:00:00.000Z`, outlet: article.outlet });
      writeFileSync(file, JSON.stringify(result));
    }
    options.onProgress?.(index + 1, articles.length);
    return { article, result };
  });
}

/**
 * Times `extractReport` on each seed report in ../shared/seeds after a warm-up (the model
 * load and JIT), and prints the median and worst of several runs per file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractReport } from '../libs/extraction/src';

const SEEDS = resolve(__dirname, '..', '..', 'shared', 'seeds');
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 20;
const BUDGET_MS = 100;

function main(): void {
  if (!existsSync(SEEDS)) {
    console.log(`bench:extract skipped: ${SEEDS} is absent (the seed reports live beside the project in ../shared).`);
    return;
  }
  const files = readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).sort();
  const texts = files.map((file) => readFileSync(join(SEEDS, file), 'utf8'));
  const coldStart = performance.now();
  extractReport(texts[0]);
  console.log(`first call (loads the wink model): ${(performance.now() - coldStart).toFixed(1)} ms`);
  files.forEach((file, index) => console.log(timeOne(file, texts[index])));
}

function timeOne(file: string, text: string): string {
  for (let run = 0; run < WARM_UP_RUNS; run += 1) extractReport(text);
  const times: number[] = [];
  let facts = 0;
  for (let run = 0; run < TIMED_RUNS; run += 1) {
    const started = performance.now();
    facts = extractReport(text).facts.length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const worst = times[times.length - 1];
  const verdict = worst < BUDGET_MS ? 'within' : 'OVER';
  return `${file}: ${text.length} chars, ${facts} facts, median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (${verdict} the ${BUDGET_MS} ms budget)`;
}

main();

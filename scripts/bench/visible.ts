/**
 * Append-to-visible: the time from an acknowledged report (POST answered 201, the API not
 * waiting for its read models: STORYLINE_READ_YOUR_WRITES_MS=0) until the timeline
 * projection's checkpoint reaches the report's position, i.e. until a timeline read shows it.
 *
 *   node -r @swc-node/register scripts/bench/visible.ts --url <database url> [--samples 200]
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startBenchApp } from './app';
import { numberOption, percentile, reportResult, runScript, stringOption } from './common';

/** How often the checkpoint is read while waiting; bounds the figure's resolution. */
const POLL_MS = 1;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const url = stringOption(argv, '--url');
  const samples = numberOption(argv, '--samples', 200);
  const app = await startBenchApp(url, { STORYLINE_READ_YOUR_WRITES_MS: '0' });
  const reader = new Client({ connectionString: url });
  await reader.connect();
  try {
    await app.call('/stories', { method: 'POST', body: { slug: 'append-to-visible', title: 'Append to visible' } });
    const delays: number[] = [];
    for (let sample = 0; sample < samples; sample++) {
      const text = `The envoy met officials in Miami, report ${sample}.`;
      const report = { outlet: 'Politico', publishedAt: '2025-11-20T10:00:00Z', text, facts: [{ statement: text.slice(0, -1), evidence: { start: 0, end: text.length - 1 } }] };
      const answer = await app.call('/stories/append-to-visible/reports', { method: 'POST', body: report });
      const acknowledged = performance.now();
      const position = BigInt(answer.position);
      for (;;) {
        const { rows } = await reader.query("SELECT position FROM projection_checkpoints WHERE name = 'timeline'");
        if (rows.length > 0 && BigInt(rows[0].position) >= position) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      delays.push(performance.now() - acknowledged);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const ms = (value: number): number => Number(value.toFixed(1));
    const result = { samples, p50: ms(percentile(delays, 50)), p99: ms(percentile(delays, 99)), max: ms(Math.max(...delays)) };
    console.log(`append-to-visible over ${samples} reports: p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms`);
    reportResult(result);
  } finally {
    await reader.end();
    await app.close();
  }
}

runScript(main);

/**
 * The API for `npm run bench:stories`, in a process of its own so that the client's work
 * and timers do not share the API's event loop: prints `BENCH_API {"baseUrl","key"}` once
 * listening, and closes on SIGTERM.
 *
 *   node -r @swc-node/register scripts/bench/stories-api.ts --url <database url>
 */
import { startBenchApp } from './app';
import { stringOption } from './common';

async function main(): Promise<void> {
  const app = await startBenchApp(stringOption(process.argv.slice(2), '--url'));
  process.stdout.write(`BENCH_API ${JSON.stringify({ baseUrl: app.baseUrl, key: app.key })}\n`);
  const stop = (): void => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

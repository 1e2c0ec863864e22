/**
 * The subscriptions bench's writers, in a process of their own: 8 writers each append one
 * event every 1/rate s to their own story for `seconds`, and tell the parent (over IPC,
 * every 50 ms) each event id with the wall-clock time its append was sent.
 *
 *   subscription-writers.ts <database url> <seconds> <rate per writer>
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { testEvent } from '@storyline/subscriptions/testing/log-fixture';

const [url, seconds, rate] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const store = new PostgresEventStore({ connectionString: url });
  let pending: [string, number][] = [];
  const report = setInterval(() => {
    if (pending.length > 0) process.send!({ sent: pending });
    pending = [];
  }, 50);
  const interval = 1000 / rate;
  const deadline = performance.now() + seconds * 1000;
  let appended = 0;
  await Promise.all(
    Array.from({ length: 8 }, async (_, writer) => {
      const stream = `story-${randomUUID()}`;
      for (let next = performance.now() + writer * (interval / 8); performance.now() < deadline; next += interval) {
        const wait = next - performance.now();
        if (wait > 0) await sleep(wait);
        const event = testEvent('FactReported', { writer, n: appended });
        pending.push([event.eventId, now()]);
        await store.appendToStream(stream, [event], 'any');
        appended += 1;
      }
    }),
  );
  clearInterval(report);
  process.send!({ sent: pending, done: appended });
  await store.close();
}

main().then(
  () => process.disconnect(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

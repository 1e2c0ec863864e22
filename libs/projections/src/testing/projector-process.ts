/**
 * A projector in its own process, for the kill-and-resume test: it follows the log of
 * STORYLINE_PROJECTOR_DATABASE_URL until it is killed. Run with
 * `node -r @swc-node/register libs/projections/src/testing/projector-process.ts`.
 */
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { storylineProjections } from '../index';
import { ProjectionRunner } from '../runtime/projection-runner';
import { openReadModels } from './projection-harness';

async function main(): Promise<void> {
  const url = process.env.STORYLINE_PROJECTOR_DATABASE_URL;
  if (!url) throw new Error('STORYLINE_PROJECTOR_DATABASE_URL is not set');
  const batchSize = Number(process.env.STORYLINE_PROJECTOR_BATCH_SIZE ?? 500);
  const store = new PostgresEventStore({ connectionString: url, pollIntervalMs: 100 });
  const dataSource = await openReadModels(url);
  const runner = new ProjectionRunner({ dataSource, eventStore: store, projections: storylineProjections(), batchSize, logger: console });
  runner.onError(() => process.exit(2));
  runner.onCommitted((checkpoint) => process.stdout.write(`committed ${checkpoint}\n`));
  process.once('SIGTERM', () => {
    void runner.stop().then(() => process.exit(0));
  });
  await runner.start();
  process.stdout.write(`following from ${await runner.checkpoint()}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * A projector host in its own process, for the leader-takeover test: it campaigns for the
 * leadership of STORYLINE_PROJECTOR_DATABASE_URL's projector and projects while it leads,
 * printing what it does (`... leads; projecting`, `... standing by`) and `committed <checkpoint>`, until it is killed.
 * Run with `node -r @swc-node/register libs/host/src/testing/projector-host-process.ts`.
 */
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { PROJECTION_ENTITIES, ProjectionRunner, storylineProjections } from '@storyline/projections';
import { DataSource } from 'typeorm';
import { PostgresLockSession } from '../lock-session';
import { ProjectorHost } from '../projector-host';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const url = process.env.STORYLINE_PROJECTOR_DATABASE_URL;
  if (!url) throw new Error('STORYLINE_PROJECTOR_DATABASE_URL is not set');
  const name = process.env.STORYLINE_PROJECTOR_NAME ?? 'projector';
  const store = new PostgresEventStore({ connectionString: url, pollIntervalMs: 100 });
  const dataSource = await new DataSource({ type: 'postgres', url, entities: PROJECTION_ENTITIES, logging: false, extra: { max: 4 } }).initialize();
  const runner = new ProjectionRunner({ dataSource, eventStore: store, projections: storylineProjections(), batchSize: 100, logger: console });
  runner.onCommitted((checkpoint) => say(`committed ${checkpoint}`));
  const logger = { log: say, warn: say, error: say };
  const host = new ProjectorHost({ mode: 'inline', runner, openSession: () => PostgresLockSession.open(url, name), logger });
  process.once('SIGTERM', () => {
    void host.stop().then(() => process.exit(0));
  });
  await host.start();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { Logger } from '@nestjs/common';
import { openDatabase, type StorylineConfig } from '@storyline/database';
import { describeEventLog, eventLogSetup } from '@storyline/host';
import { loadExampleIfEmpty } from './example/load-example';
import { ensureFirstAdminKey } from './first-admin-key';
import { sharedRootLogger } from './logging/root-logger';
import { storylineLogger } from './logging/storyline-logger';
import { createStorylineApp } from './storyline';

/** Starts the API (and its projector) on the configured database until SIGINT/SIGTERM. */
export async function serve(config: StorylineConfig): Promise<void> {
  Logger.overrideLogger(storylineLogger(sharedRootLogger({ level: config.logLevel, format: config.logFormat })));
  const logger = new Logger('storyline');
  const database = await openDatabase(config);
  logger.log(`database: ${database.description}`);
  logger.log(`event log: ${describeEventLog(eventLogSetup(config))}`);
  const app = await createStorylineApp({ databaseUrl: database.url, config }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (config.loadExample) await loadExampleIfEmpty(app);
  await ensureFirstAdminKey(app, config);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  logger.log(`Storyline is listening on ${url} (API docs: ${url}/docs)`);

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

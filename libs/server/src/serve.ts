import { Logger } from '@nestjs/common';
import { openDatabase, type StorylineConfig } from '@storyline/database';
import { describeEventLog, eventLogSetup, sharedRootLogger, storylineLogger } from '@storyline/host';
import { loadExampleIfEmpty } from './example/load-example';
import { ensureFirstAdminKey } from './first-admin-key';
import { shutDownGracefully } from './graceful-shutdown';
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

  shutDownGracefully(app, database, config.shutdownTimeoutMs, logger);
}

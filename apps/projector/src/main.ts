import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, openDatabase } from '@storyline/database';
import { describeEventLog, eventLogSetup, onShutdownSignals, prepareDatabase, sharedRootLogger, storylineLogger } from '@storyline/host';
import { ProjectorModule } from './projector.module';

/**
 * The projector as its own process (`npm run start:projector`): it follows the log into the
 * read models while it leads, and stands by while another instance does. Run several for
 * failover; run the API with STORYLINE_PROJECTOR=external to leave projecting to them.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = storylineLogger(sharedRootLogger({ level: config.logLevel, format: config.logFormat }));
  Logger.overrideLogger(logger);
  const database = await openDatabase(config);
  new Logger('storyline').log(`database: ${database.description}`);
  new Logger('storyline').log(`event log: ${describeEventLog(eventLogSetup(config))}`);
  await prepareDatabase(database.url);
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(database.url, config), { logger });
  onShutdownSignals({
    timeoutMs: config.shutdownTimeoutMs,
    log: (line) => new Logger('storyline').log(line),
    // Closing the app gives up the leadership (after the batch in hand commits) and closes the pools.
    stop: async () => {
      await app.close();
      await database.close();
    },
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

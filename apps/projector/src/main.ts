import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, openDatabase } from '@storyline/database';
import { describeEventLog, eventLogSetup, prepareDatabase } from '@storyline/host';
import { sharedRootLogger } from '../../api/src/logging/root-logger';
import { storylineLogger } from '../../api/src/logging/storyline-logger';
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
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    new Logger('storyline').log(`${signal}: shutting down the projector`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

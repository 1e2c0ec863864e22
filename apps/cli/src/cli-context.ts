import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, openDatabase, type LogLevelName, type StorylineConfig } from '@storyline/database';
import { FactReadersModule, prepareDatabase, sharedRootLogger, StorageModule, storylineLogger } from '@storyline/host';
import { ReadSideModule } from '@storyline/projections';
import { TimelineModule } from '@storyline/timeline';

@Module({})
class CliModule {
  static forRoot(databaseUrl: string, config: StorylineConfig): DynamicModule {
    return { module: CliModule, imports: [StorageModule.forRoot(databaseUrl, config), FactReadersModule, TimelineModule, ReadSideModule] };
  }
}

const QUIETER: readonly LogLevelName[] = ['silent', 'fatal', 'error', 'warn'];

/** A command's output is its answer on stdout; logs go to stderr, and only warnings unless asked for more. */
function cliLogger(config: StorylineConfig) {
  const level = QUIETER.includes(config.logLevel) || config.logLevel === 'debug' || config.logLevel === 'trace' ? config.logLevel : 'warn';
  return storylineLogger(sharedRootLogger({ level, format: config.logFormat, destination: 2 }));
}

/**
 * Runs `work` with the use cases wired to the configured database (joining an embedded
 * server a running `storyline serve` owns), then lets everything go, even on failure.
 */
export async function withStoryline<T>(work: (app: INestApplicationContext, config: StorylineConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database.url);
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(database.url, config), { logger: cliLogger(config) });
    try {
      return await work(app, config);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

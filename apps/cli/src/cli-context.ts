import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, openDatabase, type StorylineConfig } from '@storyline/database';
import { FactReadersModule, prepareDatabase, StorageModule } from '@storyline/host';
import { ReadSideModule } from '@storyline/projections';
import { TimelineModule } from '@storyline/timeline';

@Module({})
class CliModule {
  static forRoot(databaseUrl: string, config: StorylineConfig): DynamicModule {
    return { module: CliModule, imports: [StorageModule.forRoot(databaseUrl, config), FactReadersModule, TimelineModule, ReadSideModule] };
  }
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
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(database.url, config), { logger: ['error'] });
    try {
      return await work(app, config);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

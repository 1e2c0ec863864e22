import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { StorylineConfig } from '@storyline/database';
import { prepareDatabase, type StorageOptions } from '@storyline/host';
import { bigintsAsJson } from '@storyline/story-events';
import { AppModule } from './app.module';
import { ErrorFilter } from './http/error-filter';
import { StorylineLogger } from '@storyline/host';
import { HttpMetrics } from './metrics/http-metrics';
import { recordRequests } from './metrics/record-requests';

export const BODY_LIMIT = '2mb';

export interface StorylineAppOptions {
  readonly databaseUrl: string;
  readonly config: StorylineConfig;
  readonly logger?: false | LogLevel[];
  /** Overrides of the storage wiring (tests: the event log over a stand-in native store). */
  readonly storage?: StorageOptions;
}

/**
 * Brings the schema up to date and builds the HTTP app (not yet listening), with the
 * projector started. Used by `main.ts` and by the end-to-end tests alike.
 */
export async function createStorylineApp(options: StorylineAppOptions): Promise<INestApplication> {
  await prepareDatabase(options.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options.databaseUrl, options.config, options.storage), {
    bodyParser: false,
    logger: options.logger ?? new StorylineLogger(),
  });
  app.use(recordRequests(app.get(HttpMetrics)));
  app.use(
    helmet({
      // Swagger UI at /docs runs an inline script and styles; nothing is loaded from elsewhere.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
    }),
  );
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('text', { limit: BODY_LIMIT, type: 'text/plain' });
  app.useGlobalFilters(new ErrorFilter());
  app.disable('x-powered-by');
  // The one place positions (bigint inside) become JSON numbers, guarded (story-events).
  app.set('json replacer', bigintsAsJson);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Storyline API')
      .setDescription('Event-sourced story timelines: who reported what, when, on three clocks (occurred, reported, recorded).')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key: storyline keys create --role <role>' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}

import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { finishDocument } from '@storyline/api-contract';
import type { StorylineConfig } from '@storyline/database';
import { prepareDatabase, type StorageOptions } from '@storyline/host';
import { bigintsAsJson } from '@storyline/story-events';
import { AppModule } from './app.module';
import { ErrorFilter } from './http/error-filter';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { accessLog, createRootLogger, nestLoggerParams, sharedRootLogger } from '@storyline/host';
import { HttpMetrics } from './metrics/http-metrics';
import { recordRequests } from './metrics/record-requests';

export const BODY_LIMIT = '2mb';

export interface StorylineAppOptions {
  readonly databaseUrl: string;
  readonly config: StorylineConfig;
  /** false: write no logs at all (tests). */
  readonly logger?: false;
  /** Where the log lines go instead of stdout (tests read the access log from it). */
  readonly logDestination?: DestinationStream;
  /** Overrides of the storage wiring (tests: the event log over a stand-in native store). */
  readonly storage?: StorageOptions;
}

@Module({})
class LoggedAppModule {
  static forRoot(app: DynamicModule, root: Logger): DynamicModule {
    return { module: LoggedAppModule, imports: [LoggerModule.forRoot(nestLoggerParams(root)), app] };
  }
}

function rootLoggerFor(options: StorylineAppOptions): Logger {
  const { logLevel: level, logFormat: format } = options.config;
  if (options.logger === false) return createRootLogger({ level: 'silent', format: 'json' });
  if (options.logDestination) return createRootLogger({ level, format, destination: options.logDestination });
  return sharedRootLogger({ level, format });
}

/**
 * Brings the schema up to date and builds the HTTP app (not yet listening), with the
 * projector started. Used by `main.ts` and by the end-to-end tests alike.
 */
export async function createStorylineApp(options: StorylineAppOptions): Promise<INestApplication> {
  await prepareDatabase(options.databaseUrl);
  const root = rootLoggerFor(options);
  const module = LoggedAppModule.forRoot(AppModule.forRoot(options.databaseUrl, options.config, options.storage), root);
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  // First of all, so that requests refused before any route (bad JSON, too large) get their line too.
  app.use(accessLog(root));
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
  const built = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Storyline API')
      .setDescription('Event-sourced story timelines: who reported what, when, on three clocks (occurred, reported, recorded).')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key: storyline keys create --role <role>' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  // The named zod schemas (answers, ErrorModel) join the document; clients resolve paths against the server.
  const document = finishDocument(built, [{ url: '/', description: 'this server (npm start: http://127.0.0.1:3000)' }]);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}

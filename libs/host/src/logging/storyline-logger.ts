import type { LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * nestjs-pino's parameters over a root logger made elsewhere: the access log middleware
 * (access-log.ts) is mounted by the app itself, first of all, so that requests refused before
 * any route (bad JSON, too large) are logged too; the module only carries each request's
 * logger into the logs made while handling it, so they carry its request id.
 */
export function nestLoggerParams(root: Logger): Params {
  return { pinoHttp: { logger: root }, useExisting: true };
}

/** Nest's logger interface over pino: what `Logger.overrideLogger` and `app.useLogger` take. */
export function storylineLogger(root: Logger): LoggerService {
  const params = nestLoggerParams(root);
  return new PinoNestLogger(new PinoLogger(params), params);
}

import type { LogFormat, LogLevelName } from '@storyline/database';
import pino, { type DestinationStream, type Logger } from 'pino';

/** Nest's start-up chatter (one line per module and route) buries the lines that matter: debug only. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Never written, whatever the level: the bearer key, and any key secret or bootstrap key
 * that a log call might pass along in an object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'authorization',
  'secret',
  '*.secret',
  'bootstrapKey',
  '*.bootstrapKey',
];

export interface LogSettings {
  readonly level: LogLevelName;
  readonly format: LogFormat;
  /** Where the lines go: stdout unless given (tests pass a stream; the CLI passes stderr). */
  readonly destination?: DestinationStream | 1 | 2;
}

function isFrameworkChatter(args: unknown[]): boolean {
  const first = args[0];
  return typeof first === 'object' && first !== null && FRAMEWORK_CONTEXTS.has(String((first as { context?: unknown }).context));
}

function prettyOnTerminal(settings: LogSettings): boolean {
  if (settings.format !== 'auto') return settings.format === 'pretty';
  if (typeof settings.destination === 'object') return false;
  return (settings.destination === 2 ? process.stderr : process.stdout).isTTY === true;
}

function destinationFor(settings: LogSettings): DestinationStream {
  if (typeof settings.destination === 'object') return settings.destination;
  const fd = settings.destination ?? 1;
  if (!prettyOnTerminal(settings)) return pino.destination({ dest: fd, sync: true });
  // Loaded only for a terminal: JSON lines need none of it.
  const { PinoPretty } = require('pino-pretty') as typeof import('pino-pretty');
  return PinoPretty({ destination: fd, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
}

/**
 * The process's pino logger: JSON lines (pretty text on a terminal), ISO times, secrets
 * redacted. Every other logger (Nest's, the access log, the projector's) derives from it.
 */
export function createRootLogger(settings: LogSettings): Logger {
  return pino(
    {
      level: settings.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method, level) {
          if (level === 30 && isFrameworkChatter(args) && !this.isLevelEnabled('debug')) return;
          method.apply(this, args);
        },
      },
    },
    destinationFor(settings),
  );
}

const shared = new Map<string, Logger>();

/** One root logger per process and settings, so the bootstrap lines and the app's share one destination. */
export function sharedRootLogger(settings: Omit<LogSettings, 'destination'> & { destination?: 1 | 2 }): Logger {
  const key = `${settings.level}/${settings.format}/${settings.destination ?? 1}`;
  let logger = shared.get(key);
  if (!logger) shared.set(key, (logger = createRootLogger(settings)));
  return logger;
}

import { resolve } from 'node:path';

/** Everything Storyline reads from its environment, checked once at start-up. */
export interface StorylineConfig {
  /** HTTP port; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on: loopback unless HOST says otherwise (0.0.0.0 in containers). */
  readonly host: string;
  /** External PostgreSQL; null starts the embedded server. */
  readonly databaseUrl: string | null;
  /**
   * Where the event log lives: `postgres` (the `events` table in the database above) or
   * `kurrentdb` (KurrentDB, indexed in the database above so positions stay dense).
   */
  readonly eventStore: EventStoreKind;
  /** KURRENTDB_URL: KurrentDB's connection string; set whenever `eventStore` is `kurrentdb`. */
  readonly kurrentDbUrl: string | null;
  /** Where the embedded server keeps its data between runs. */
  readonly dataDir: string;
  /** Load the founding example story into an empty database at start-up. */
  readonly loadExample: boolean;
  /** How long a write waits for the read models to show it before answering. */
  readonly readYourWritesTimeoutMs: number;
  /** STORYLINE_BOOTSTRAP_KEY: a secret that acts as an admin key (first use, automated checks). */
  readonly bootstrapKey: string | null;
  /** Let requests without a key read (never write). Off unless asked for. */
  readonly anonymousReads: boolean;
  /** Writes a minute each key may make (bursts up to the same); 0 turns the limit off. */
  readonly writesPerMinute: number;
  /** Story views (timelines) each API process keeps in memory; 0 reads every view afresh. */
  readonly viewCacheSize: number;
  /** STORYLINE_WEBHOOK_ALLOWED_HOSTS: the hosts webhook URLs may name (`host`, `host:port`, `*.domain`); empty allows none. */
  readonly webhookAllowedHosts: readonly string[];
  /** NATS_URL: the NATS server the log is published to through JetStream; null leaves publication off. */
  readonly natsUrl: string | null;
  /**
   * STORYLINE_SHUTDOWN_TIMEOUT_MS: how long SIGTERM/SIGINT may take (in-flight writes finish,
   * streams end, leadership and pools are let go) before the process exits regardless.
   */
  readonly shutdownTimeoutMs: number;
  /** STORYLINE_LOG_LEVEL: the least severe log line written. */
  readonly logLevel: LogLevelName;
  /** STORYLINE_LOG_FORMAT: `json` lines, `pretty` text, or `auto` (pretty on a terminal, JSON otherwise). */
  readonly logFormat: LogFormat;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where the event log can live. */
export type EventStoreKind = 'postgres' | 'kurrentdb';

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw.slice(0, 40)}"`);
}

function bootstrapKey(env: NodeJS.ProcessEnv): string | null {
  const raw = env.STORYLINE_BOOTSTRAP_KEY;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 12) throw new ConfigError('STORYLINE_BOOTSTRAP_KEY', 'must be at least 12 characters long');
  return raw;
}

function databaseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres://, got ${url.protocol}//`);
  }
  return raw;
}

function eventStore(env: NodeJS.ProcessEnv): EventStoreKind {
  const raw = env.STORYLINE_EVENT_STORE;
  if (raw === undefined || raw === '') return 'postgres';
  if (raw === 'postgres' || raw === 'kurrentdb') return raw;
  throw new ConfigError('STORYLINE_EVENT_STORE', `must be postgres or kurrentdb, got "${raw.slice(0, 40)}"`);
}

const KURRENTDB_SCHEMES = ['kurrentdb:', 'kurrentdb+discover:', 'kurrent:', 'kurrent+discover:', 'kdb:', 'kdb+discover:', 'esdb:', 'esdb+discover:'];

/** KURRENTDB_URL, which STORYLINE_EVENT_STORE=kurrentdb requires (and any other store ignores). */
function kurrentDbUrl(env: NodeJS.ProcessEnv, store: EventStoreKind): string | null {
  const raw = env.KURRENTDB_URL;
  if (store !== 'kurrentdb') return null;
  if (raw === undefined || raw === '') {
    throw new ConfigError('KURRENTDB_URL', 'must be set when STORYLINE_EVENT_STORE=kurrentdb (e.g. kurrentdb://127.0.0.1:2113?tls=false)');
  }
  const scheme = /^([a-z+]+:)\/\//.exec(raw)?.[1];
  if (!scheme || !KURRENTDB_SCHEMES.includes(scheme)) {
    // Only the scheme is repeated: the rest may hold a password.
    const given = /^[^:/@]{1,30}:\/\//.exec(raw)?.[0] ?? 'no scheme';
    throw new ConfigError('KURRENTDB_URL', `must be a KurrentDB connection string starting with kurrentdb:// (or kurrentdb+discover://), got ${given}`);
  }
  return raw;
}

const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\d{1,5})?$|^\[[0-9a-f:.]{2,45}\](:\d{1,5})?$/;

/** A comma-separated allow list of webhook hosts, lower-cased; a bad entry is named. */
function webhookAllowedHosts(env: NodeJS.ProcessEnv): string[] {
  const raw = env.STORYLINE_WEBHOOK_ALLOWED_HOSTS;
  if (raw === undefined || raw.trim() === '') return [];
  const hosts = raw.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== '');
  const bad = hosts.find((host) => !HOST_PATTERN.test(host));
  if (bad !== undefined) throw new ConfigError('STORYLINE_WEBHOOK_ALLOWED_HOSTS', `must list host names (host, host:port or *.domain) separated by commas; "${bad.slice(0, 60)}" is not one`);
  return hosts;
}

function natsUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.NATS_URL;
  if (raw === undefined || raw === '') return null;
  const scheme = /^([a-z]+):\/\//.exec(raw)?.[1];
  if (scheme === undefined ? !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(raw) : !['nats', 'tls', 'ws', 'wss'].includes(scheme)) {
    throw new ConfigError('NATS_URL', 'must be a NATS server such as nats://127.0.0.1:4222 (or host:port)');
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): StorylineConfig {
  const store = eventStore(env);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: databaseUrl(env),
    eventStore: store,
    kurrentDbUrl: kurrentDbUrl(env, store),
    dataDir: resolve(env.STORYLINE_DATA_DIR || '.storyline'),
    loadExample: flag(env, 'STORYLINE_LOAD_EXAMPLE', true),
    readYourWritesTimeoutMs: integer(env, 'STORYLINE_READ_YOUR_WRITES_MS', 5000, 0, 60000),
    bootstrapKey: bootstrapKey(env),
    anonymousReads: flag(env, 'STORYLINE_ANONYMOUS_READS', false),
    writesPerMinute: integer(env, 'STORYLINE_WRITES_PER_MINUTE', 600, 0, 1_000_000),
    viewCacheSize: integer(env, 'STORYLINE_VIEW_CACHE', 500, 0, 100_000),
    webhookAllowedHosts: webhookAllowedHosts(env),
    natsUrl: natsUrl(env),
    shutdownTimeoutMs: integer(env, 'STORYLINE_SHUTDOWN_TIMEOUT_MS', 10_000, 1_000, 600_000),
    logLevel: oneOf(env, 'STORYLINE_LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: oneOf(env, 'STORYLINE_LOG_FORMAT', LOG_FORMATS, 'auto'),
  };
}

import { backOff } from 'exponential-backoff';
import type { Client, Pool, PoolClient } from 'pg';

/** How long opening a connection may take before the request fails (fast) instead of hanging. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Seconds a client is told to wait (Retry-After) when the database is unreachable. */
export const STORAGE_RETRY_AFTER_SECONDS = 2;

/** Node socket errors that mean the server is gone or unreachable, not that a query was wrong. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

/**
 * SQLSTATEs of a server that is shutting down, starting up or refusing connections:
 * class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now),
 * 53300 (too many connections).
 */
const SERVER_STATES = /^(08...|57P0[123]|53300)$/;

/** What pg and pg-pool say (without a code) when a connection breaks or cannot be had. */
const MESSAGES = /connection terminated|terminating connection|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|not queryable|connection is closed|server closed the connection|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `error` means PostgreSQL could not be reached (down, restarting, the
 * connection dropped): something to retry later, never a bug or bad input. Looks through
 * TypeORM's `driverError`, `cause` chains and aggregate errors.
 */
export function isStorageUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof StorageUnavailableError) return true;
  const { code, message, driverError, cause, errors } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_STATES.test(code))) return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isStorageUnavailable(inner, depth + 1))) return true;
  return isStorageUnavailable(driverError, depth + 1) || isStorageUnavailable(cause, depth + 1);
}

/** Thrown by code that refuses to wait for an unreachable database. */
export class StorageUnavailableError extends Error {
  constructor(reason: string) {
    super(`the database is unreachable: ${reason}`);
    this.name = 'StorageUnavailableError';
  }
}

const ignore = (): void => undefined;

/**
 * Makes a pool safe to lose its server: an idle connection that breaks, and a checked-out
 * one that breaks between queries, would otherwise raise an unhandled `'error'` and end the
 * process. The query in flight still fails (and the caller sees it); the pool drops the
 * broken connection and opens a new one on the next request.
 */
export function guardPool<T extends Pool>(pool: T, onError: (error: Error) => void = ignore): T {
  pool.on('error', onError);
  pool.on('connect', (client: PoolClient) => client.on('error', onError));
  return pool;
}

/** The same for a lone client: its errors reach `onError` rather than crash the process. */
export function guardClient<T extends Client>(client: T, onError: (error: Error) => void = ignore): T {
  client.on('error', onError);
  return client;
}

export interface ReconnectOptions {
  /** Stops retrying (the promise then rejects with the last error). */
  readonly signal?: AbortSignal;
  /** First pause; default 100 ms, doubling up to `maxDelayMs`. */
  readonly startingDelayMs?: number;
  /** Longest pause between two tries; default 2000 ms. */
  readonly maxDelayMs?: number;
  /** Called before each pause with the error and the number of the try that failed. */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `attempt` until it succeeds, retrying (with growing, jittered pauses) only while the
 * database is unreachable; any other error, or the signal, ends it at once.
 */
export function retryWhileUnavailable<T>(attempt: () => Promise<T>, options: ReconnectOptions = {}): Promise<T> {
  const { signal } = options;
  // Checked before each try: an abort during a pause ends the retries at the next one.
  const guarded = (): Promise<T> => (signal?.aborted ? Promise.reject(signal.reason) : attempt());
  return backOff(guarded, {
    numOfAttempts: Number.MAX_SAFE_INTEGER,
    startingDelay: options.startingDelayMs ?? 100,
    maxDelay: options.maxDelayMs ?? 2_000,
    timeMultiple: 2,
    jitter: 'full',
    delayFirstAttempt: false,
    retry: (error: unknown, tried: number) => {
      if (signal?.aborted || !isStorageUnavailable(error)) return false;
      options.onRetry?.(error, tried);
      return true;
    },
  });
}

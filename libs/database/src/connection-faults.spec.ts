import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import { guardPool, isStorageUnavailable, retryWhileUnavailable, StorageUnavailableError } from './connection-faults';

const withCode = (code: string, message = ''): Error => Object.assign(new Error(message), { code });

describe('isStorageUnavailable', () => {
  it('knows a database that is down, restarting or gone from the connection', () => {
    expect(isStorageUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isStorageUnavailable(new AggregateError([withCode('ECONNREFUSED')], ''))).toBe(true);
    expect(isStorageUnavailable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isStorageUnavailable(withCode('57P03', 'the database system is starting up'))).toBe(true);
    expect(isStorageUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStorageUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isStorageUnavailable(new StorageUnavailableError('PostgreSQL did not answer within 2000 ms'))).toBe(true);
    // TypeORM wraps the driver's error.
    expect(isStorageUnavailable(Object.assign(new Error('query failed'), { driverError: withCode('08006') }))).toBe(true);
  });

  it('does not take a bug or bad input for an outage', () => {
    expect(isStorageUnavailable(withCode('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isStorageUnavailable(withCode('22P05', 'unsupported Unicode escape sequence'))).toBe(false);
    expect(isStorageUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageUnavailable(undefined)).toBe(false);
  });
});

describe('guardPool', () => {
  it('catches the errors of the pool and of every connection it opens, idle or checked out', () => {
    const pool = new EventEmitter();
    const seen: string[] = [];
    guardPool(pool as unknown as Pool, (error) => seen.push(error.message));
    const client = new EventEmitter();
    pool.emit('connect', client);
    client.emit('error', new Error('Connection terminated unexpectedly'));
    pool.emit('error', new Error('idle client lost'));
    expect(seen).toEqual(['Connection terminated unexpectedly', 'idle client lost']);
  });
});

describe('retryWhileUnavailable', () => {
  it('retries while the database is unreachable, then answers', async () => {
    let tries = 0;
    const retried: number[] = [];
    const answer = await retryWhileUnavailable(
      async () => {
        tries += 1;
        if (tries < 3) throw withCode('ECONNREFUSED');
        return 'rows';
      },
      { startingDelayMs: 1, maxDelayMs: 2, onRetry: (_error, attempt) => retried.push(attempt) },
    );
    expect([answer, tries, retried]).toEqual(['rows', 3, [1, 2]]);
  });

  it('gives up at once on any other error, and when aborted', async () => {
    await expect(retryWhileUnavailable(async () => Promise.reject(new Error('syntax error')), { startingDelayMs: 1 })).rejects.toThrow('syntax error');
    const abort = new AbortController();
    let tries = 0;
    const failOnce = async (): Promise<never> => {
      tries += 1;
      abort.abort();
      throw withCode('ECONNRESET', 'reset');
    };
    await expect(retryWhileUnavailable(failOnce, { signal: abort.signal, startingDelayMs: 1 })).rejects.toThrow('reset');
    await expect(retryWhileUnavailable(failOnce, { signal: abort.signal, startingDelayMs: 1 })).rejects.toThrow('aborted');
    expect(tries).toBe(1);
  });
});

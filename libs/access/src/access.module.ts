import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CONNECT_TIMEOUT_MS, guardPool } from '@storyline/database';
import { Pool } from 'pg';
import { API_KEYS, ApiKeys } from './api-keys';
import { PostgresWriteRateLimiter } from './postgres-write-rate-limiter';
import { WriteRateLimiter } from './write-rate-limiter';

export interface AccessOptions {
  readonly databaseUrl: string;
  readonly bootstrapKey: string | null;
  readonly anonymousReads: boolean;
  readonly writesPerMinute: number;
}

export const ACCESS_OPTIONS = Symbol('ACCESS_OPTIONS');
const ACCESS_POOL = Symbol('ACCESS_POOL');

class AccessPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(ACCESS_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** API keys, the options the guard reads, and the write rate limiter. */
@Global()
@Module({})
export class AccessModule {
  static forRoot(options: AccessOptions): DynamicModule {
    return {
      module: AccessModule,
      providers: [
        { provide: ACCESS_OPTIONS, useValue: options },
        { provide: ACCESS_POOL, useFactory: () => guardPool(new Pool({ connectionString: options.databaseUrl, max: 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })) },
        { provide: API_KEYS, inject: [ACCESS_POOL], useFactory: (pool: Pool) => new ApiKeys(pool, options.bootstrapKey) },
        { provide: WriteRateLimiter, inject: [ACCESS_POOL], useFactory: (pool: Pool) => new PostgresWriteRateLimiter(pool, options.writesPerMinute) },
        AccessPoolCloser,
      ],
      exports: [ACCESS_OPTIONS, API_KEYS, WriteRateLimiter],
    };
  }
}

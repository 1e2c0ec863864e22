import { Global, Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CONNECT_TIMEOUT_MS, type StorylineConfig } from '@storyline/database';
import { AUDITED_LOG } from '@storyline/audit';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import {
  PROJECTION_ENTITIES,
  ProjectionRunner,
  Rebuilds,
  SourceLedgerReader,
  StoriesReader,
  TimelineReader,
  storylineProjections,
} from '@storyline/projections';
import { READ_MODEL_SYNC, type ReadModelSync } from '@storyline/timeline';
import { DataSource } from 'typeorm';
import { observedReadModelSync, observeProjections } from './metrics';
import { eventLogProviders, eventLogSetup, type EventLogSetup } from './event-log';
import { PostgresLockSession } from './lock-session';
import { ProjectionsOverview } from './projections-overview';
import { ProjectorHost } from './projector-host';
import { projectorModeFrom, type ProjectorMode } from './projector-mode';
import { StorageLifecycle } from './storage-lifecycle';

const CONFIG = Symbol('STORYLINE_CONFIG');

/** TypeORM's pool: connections fail fast when the database is gone, and a broken one is dropped quietly. */
const RESILIENT_POOL = { poolErrorHandler: () => undefined, extra: { connectionTimeoutMillis: CONNECT_TIMEOUT_MS } } as const;

export interface StorageOptions {
  /** Default: STORYLINE_PROJECTOR, else `inline`. */
  readonly projector?: ProjectorMode;
  /** Default: what STORYLINE_EVENT_STORE and KURRENTDB_URL say (see {@link eventLogSetup}). */
  readonly eventLog?: EventLogSetup;
}

function projectionProviders(databaseUrl: string, mode: ProjectorMode): Provider[] {
  return [
    {
      provide: ProjectionRunner,
      inject: [DataSource, EVENT_STORE],
      useFactory: (dataSource: DataSource, eventStore: EventStore) =>
        observeProjections(new ProjectionRunner({ dataSource, eventStore, projections: storylineProjections(), logger: new Logger('projections') })),
    },
    {
      provide: ProjectorHost,
      inject: [ProjectionRunner],
      useFactory: (runner: ProjectionRunner) =>
        new ProjectorHost({ mode, runner, openSession: () => PostgresLockSession.open(databaseUrl), logger: new Logger('projector') }),
    },
    {
      provide: Rebuilds,
      inject: [DataSource, EVENT_STORE],
      useFactory: (dataSource: DataSource, eventStore: EventStore) =>
        new Rebuilds({ dataSource, eventStore, projections: storylineProjections, logger: new Logger('rebuild') }),
    },
    {
      provide: ProjectionsOverview,
      inject: [DataSource, EVENT_STORE, ProjectionRunner, ProjectorHost, Rebuilds],
      useFactory: (dataSource: DataSource, store: EventStore, runner: ProjectionRunner, host: ProjectorHost, rebuilds: Rebuilds) =>
        new ProjectionsOverview(dataSource, store, runner, host, rebuilds),
    },
  ];
}

/**
 * The PostgreSQL-backed infrastructure the use cases are written against: the event store,
 * the read models' DataSource and readers, the projector (leading, standing by, or
 * external) and the rebuilds of its projections.
 */
@Global()
@Module({})
export class StorageModule {
  static forRoot(databaseUrl: string, config: StorylineConfig, options: StorageOptions = {}): DynamicModule {
    const mode = options.projector ?? projectorModeFrom();
    return {
      module: StorageModule,
      providers: [
        { provide: CONFIG, useValue: config },
        ...eventLogProviders(databaseUrl, options.eventLog ?? eventLogSetup(config)),
        {
          provide: DataSource,
          useFactory: () => new DataSource({ type: 'postgres', url: databaseUrl, entities: [...PROJECTION_ENTITIES], logging: false, ...RESILIENT_POOL }).initialize(),
        },
        ...projectionProviders(databaseUrl, mode),
        {
          provide: READ_MODEL_SYNC,
          inject: [ProjectionRunner, CONFIG],
          useFactory: (runner: ProjectionRunner, settings: StorylineConfig): ReadModelSync =>
            observedReadModelSync({
              // A write is stored once appended; a projector that failed only delays seeing it.
              waitFor: (position) => runner.waitFor(position, settings.readYourWritesTimeoutMs).catch(() => false),
            }),
        },
        { provide: StoriesReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new StoriesReader(dataSource) },
        {
          provide: TimelineReader,
          inject: [DataSource, CONFIG],
          useFactory: (dataSource: DataSource, settings: StorylineConfig) => new TimelineReader(dataSource, { cacheSize: settings.viewCacheSize }),
        },
        { provide: SourceLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new SourceLedgerReader(dataSource) },
        StorageLifecycle,
      ],
      exports: [EVENT_STORE, AUDITED_LOG, DataSource, ProjectionRunner, READ_MODEL_SYNC, StoriesReader, TimelineReader, SourceLedgerReader, ProjectorHost, Rebuilds, ProjectionsOverview],
    };
  }
}

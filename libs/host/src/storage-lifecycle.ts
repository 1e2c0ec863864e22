import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { ProjectionRunner, Rebuilds } from '@storyline/projections';
import { DataSource } from 'typeorm';
import { ProjectorHost } from './projector-host';

/**
 * Starts the projector host with the app (leading or standing by); on shutdown cancels the
 * rebuilds, gives up leadership, and closes the runner, the store and the pools.
 */
@Injectable()
export class StorageLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly host: ProjectorHost,
    private readonly rebuilds: Rebuilds,
    private readonly runner: ProjectionRunner,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rebuilds.close();
    await this.host.stop();
    await this.runner.stop();
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

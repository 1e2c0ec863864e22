import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { StorylineConfig } from '@storyline/database';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { DataSource } from 'typeorm';
import { FollowerCheckpoints } from './broker/follower-checkpoints';
import { DEFAULT_JETSTREAM_OPTIONS, JetStreamPublisher, type JetStreamOptions } from './broker/jetstream-publisher';
import { DeliveryLeadership } from './delivery-leadership';
import { EventFeed } from './feed/event-feed';
import { EventsController } from './feed/events.controller';
import { SubscriptionMetrics } from './subscription-metrics';
import { SUBSCRIPTIONS_OPTIONS, type SubscriptionsOptions } from './subscriptions-options';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './webhooks/delivery-policy';
import { SubscriptionsController } from './webhooks/subscriptions.controller';
import { WebhookDeliverer } from './webhooks/webhook-deliverer';
import { WebhookStore } from './webhooks/webhook-store';

/** Campaigns for the delivery lock with the app; stops delivering before the storage closes. */
@Injectable()
class DeliveryLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly leadership: DeliveryLeadership,
    @Inject(SUBSCRIPTIONS_OPTIONS) private readonly options: SubscriptionsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.deliver) await this.leadership.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.leadership.stop();
  }
}

export interface SubscriptionsOverrides {
  readonly delivery?: Partial<DeliveryPolicy>;
  readonly jetstream?: Partial<Omit<JetStreamOptions, 'natsUrl'>>;
  readonly deliver?: boolean;
}

/**
 * Other systems following the log: the global feed (`GET /events`, `/events/stream`),
 * webhook subscriptions and JetStream publication, each from a checkpoint in PostgreSQL.
 * Needs the storage module's EVENT_STORE, DataSource and StoriesReader.
 */
@Module({})
export class SubscriptionsModule {
  static forRoot(databaseUrl: string, config: StorylineConfig, overrides: SubscriptionsOverrides = {}): DynamicModule {
    const options: SubscriptionsOptions = {
      databaseUrl,
      allowedHosts: config.webhookAllowedHosts,
      delivery: { ...DEFAULT_DELIVERY_POLICY, ...overrides.delivery },
      jetstream: config.natsUrl ? { ...DEFAULT_JETSTREAM_OPTIONS, ...overrides.jetstream, natsUrl: config.natsUrl } : null,
      deliver: overrides.deliver ?? true,
    };
    const logger = new Logger('deliveries');
    return {
      module: SubscriptionsModule,
      controllers: [EventsController, SubscriptionsController],
      providers: [
        { provide: SUBSCRIPTIONS_OPTIONS, useValue: options },
        EventFeed,
        { provide: WebhookStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new WebhookStore(dataSource) },
        { provide: FollowerCheckpoints, inject: [DataSource], useFactory: (dataSource: DataSource) => new FollowerCheckpoints(dataSource) },
        {
          provide: WebhookDeliverer,
          inject: [EVENT_STORE, WebhookStore],
          useFactory: (store: EventStore, webhooks: WebhookStore) => new WebhookDeliverer(store, webhooks, options.delivery, logger),
        },
        {
          provide: JetStreamPublisher,
          inject: [EVENT_STORE, FollowerCheckpoints],
          useFactory: (store: EventStore, checkpoints: FollowerCheckpoints) => (options.jetstream ? new JetStreamPublisher(options.jetstream, store, checkpoints, logger) : null),
        },
        {
          provide: DeliveryLeadership,
          inject: [WebhookDeliverer, JetStreamPublisher],
          useFactory: (deliverer: WebhookDeliverer, publisher: JetStreamPublisher | null) => new DeliveryLeadership(databaseUrl, deliverer, publisher, logger),
        },
        {
          provide: SubscriptionMetrics,
          inject: [EVENT_STORE, WebhookStore, FollowerCheckpoints, DeliveryLeadership],
          useFactory: (store: EventStore, webhooks: WebhookStore, checkpoints: FollowerCheckpoints, leadership: DeliveryLeadership) =>
            new SubscriptionMetrics(store, webhooks, checkpoints, leadership, options.jetstream?.checkpoint ?? null),
        },
        DeliveryLifecycle,
      ],
      exports: [SubscriptionMetrics, EventFeed, WebhookStore, FollowerCheckpoints],
    };
  }
}

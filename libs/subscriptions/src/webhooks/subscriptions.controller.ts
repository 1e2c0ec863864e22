import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '@storyline/access';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { StoriesReader } from '@storyline/projections';
import { DomainError, invalid, isUuid, newId } from '@storyline/timeline';
import { SUBSCRIPTIONS_OPTIONS, type SubscriptionsOptions } from '../subscriptions-options';
import { readSubscriptionRequest } from './subscription-input';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookStore, type SubscriptionStatus, type WebhookSubscription } from './webhook-store';

/** A subscription as the API shows it: never its secret. */
export interface SubscriptionView {
  readonly id: string;
  readonly url: string;
  readonly types: readonly string[] | null;
  readonly stories: readonly string[] | null;
  readonly status: SubscriptionStatus;
  readonly checkpoint: number;
  readonly head: number;
  /** Log positions after the checkpoint not yet handed on. */
  readonly lag: number;
  readonly delivered: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  readonly lastDeliveredAt: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

function view(subscription: WebhookSubscription, head: bigint): SubscriptionView {
  const { secret: _secret, checkpoint, ...rest } = subscription;
  return {
    ...rest,
    checkpoint: Number(checkpoint),
    head: Number(head),
    lag: Number(head > checkpoint ? head - checkpoint : 0n),
    lastErrorAt: subscription.lastErrorAt?.toISOString() ?? null,
    lastDeliveredAt: subscription.lastDeliveredAt?.toISOString() ?? null,
    createdAt: subscription.createdAt.toISOString(),
  };
}

/** Webhook subscriptions: admins decide where the log is delivered. */
@ApiTags('subscriptions')
@RequireRole('admin')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: WebhookStore,
    private readonly deliverer: WebhookDeliverer,
    private readonly stories: StoriesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBSCRIPTIONS_OPTIONS) private readonly options: SubscriptionsOptions,
  ) {}

  @Post()
  @ApiBody({ description: '{url, secret, types?: ["FactReported"], stories?: ["<slug or id>"], after?: <position; default: the head now>}' })
  @ApiCreatedResponse({ description: 'the subscription, without its secret' })
  async create(@Body() body: unknown, @Req() request: { actor?: string }): Promise<SubscriptionView> {
    const wanted = await readSubscriptionRequest(body, this.options.allowedHosts, this.stories);
    const head = await this.store.headPosition();
    const created = await this.subscriptions.create({ id: newId(), ...wanted, checkpoint: wanted.after ?? head, createdBy: request.actor ?? 'anonymous' });
    void this.deliverer.refresh();
    return view(created, head);
  }

  @Get()
  @ApiOkResponse({ description: '{subscriptions: [...]}' })
  async list(): Promise<{ subscriptions: SubscriptionView[] }> {
    const [all, head] = await Promise.all([this.subscriptions.list(), this.store.headPosition()]);
    return { subscriptions: all.map((subscription) => view(subscription, head)) };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'status, checkpoint, lag, attempts and the last error' })
  async get(@Param('id') id: string): Promise<SubscriptionView> {
    const [found, head] = await Promise.all([this.subscriptions.get(checkId(id)), this.store.headPosition()]);
    return view(found ?? notFound(id), head);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Param('id') id: string): Promise<SubscriptionView> {
    return this.setStatus(id, 'paused');
  }

  /** Also how a subscription parked as failing is tried again, from its checkpoint. */
  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id') id: string): Promise<SubscriptionView> {
    return this.setStatus(id, 'active');
  }

  @Delete(':id')
  @HttpCode(200)
  async remove(@Param('id') id: string): Promise<{ deleted: string }> {
    if (!(await this.subscriptions.remove(checkId(id)))) notFound(id);
    void this.deliverer.refresh();
    return { deleted: id };
  }

  private async setStatus(id: string, status: SubscriptionStatus): Promise<SubscriptionView> {
    const changed = (await this.subscriptions.setStatus(checkId(id), status)) ?? notFound(id);
    void this.deliverer.refresh();
    return view(changed, await this.store.headPosition());
  }
}

function checkId(id: string): string {
  if (!isUuid(id)) throw invalid('id', `must be a subscription id (a UUID), got "${id.slice(0, 60)}"`);
  return id.toLowerCase();
}

function notFound(id: string): never {
  throw new DomainError('SUBSCRIPTION.NOT_FOUND', `no subscription has the id ${id}`, 'id');
}

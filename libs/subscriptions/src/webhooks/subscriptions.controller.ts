import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '@storyline/access';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { StoriesReader } from '@storyline/projections';
import { SUBSCRIPTIONS_OPTIONS, type SubscriptionsOptions } from '../subscriptions-options';
import { checkId, createSubscription, notFound, view, type SubscriptionView } from './subscription-view';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookStore, type SubscriptionStatus } from './webhook-store';

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
    const created = await createSubscription(body, request.actor ?? 'anonymous', { allowedHosts: this.options.allowedHosts, stories: this.stories, store: this.store, subscriptions: this.subscriptions });
    void this.deliverer.refresh();
    return created;
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

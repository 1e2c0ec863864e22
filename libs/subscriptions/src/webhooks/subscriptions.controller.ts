import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiContract } from '@storyline/api-contract';
import { DeletedSubscription, Subscription, subscriptionBody, SubscriptionList, subscriptionParams } from '../http-schema';
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
  @ApiContract({ operationId: 'createSubscription', summary: 'Subscribe a webhook to the log', body: { schema: subscriptionBody }, ok: { status: 201, schema: Subscription } })
  async create(@Body() body: unknown, @Req() request: { actor?: string }): Promise<SubscriptionView> {
    const created = await createSubscription(body, request.actor ?? 'anonymous', { allowedHosts: this.options.allowedHosts, stories: this.stories, store: this.store, subscriptions: this.subscriptions });
    void this.deliverer.refresh();
    return created;
  }

  @Get()
  @ApiContract({ operationId: 'listSubscriptions', summary: 'The webhook subscriptions', ok: { schema: SubscriptionList } })
  async list(): Promise<{ subscriptions: SubscriptionView[] }> {
    const [all, head] = await Promise.all([this.subscriptions.list(), this.store.headPosition()]);
    return { subscriptions: all.map((subscription) => view(subscription, head)) };
  }

  @Get(':id')
  @ApiContract({ operationId: 'getSubscription', summary: 'One subscription: status, checkpoint, lag, attempts, last error', params: subscriptionParams, ok: { schema: Subscription }, errors: { 404: 'no such subscription (SUBSCRIPTION.NOT_FOUND)' } })
  async get(@Param('id') id: string): Promise<SubscriptionView> {
    const [found, head] = await Promise.all([this.subscriptions.get(checkId(id)), this.store.headPosition()]);
    return view(found ?? notFound(id), head);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiContract({ operationId: 'pauseSubscription', summary: 'Pause a subscription', params: subscriptionParams, ok: { schema: Subscription }, errors: { 404: 'no such subscription (SUBSCRIPTION.NOT_FOUND)' } })
  pause(@Param('id') id: string): Promise<SubscriptionView> {
    return this.setStatus(id, 'paused');
  }

  /** Also how a subscription parked as failing is tried again, from its checkpoint. */
  @Post(':id/resume')
  @HttpCode(200)
  @ApiContract({ operationId: 'resumeSubscription', summary: 'Resume a subscription (also retries a failing one)', params: subscriptionParams, ok: { schema: Subscription }, errors: { 404: 'no such subscription (SUBSCRIPTION.NOT_FOUND)' } })
  resume(@Param('id') id: string): Promise<SubscriptionView> {
    return this.setStatus(id, 'active');
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiContract({ operationId: 'deleteSubscription', summary: 'Delete a subscription', params: subscriptionParams, ok: { schema: DeletedSubscription }, errors: { 404: 'no such subscription (SUBSCRIPTION.NOT_FOUND)' } })
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

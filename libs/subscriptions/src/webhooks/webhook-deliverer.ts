import type { EventStore } from '@storyline/event-store';
import type { DeliveryPolicy } from './delivery-policy';
import type { WebhookStore } from './webhook-store';
import { WebhookWorker, type WorkerLogger } from './webhook-worker';

/**
 * Runs one worker per active subscription while this instance leads the deliveries, each
 * on its own follower of the log, so that a slow or failing receiver holds back only its
 * own subscription, and nothing here waits on appends or projections (or they on it).
 * Looks at the table every `refreshMs` for subscriptions created, paused, resumed or
 * deleted through any instance, and at once when this instance changed one.
 */
export class WebhookDeliverer {
  private readonly workers = new Map<string, WebhookWorker>();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private active = false;

  constructor(
    private readonly store: EventStore,
    private readonly subscriptions: WebhookStore,
    private readonly policy: DeliveryPolicy,
    private readonly logger: WorkerLogger,
  ) {}

  get isDelivering(): boolean {
    return this.active;
  }

  async start(): Promise<void> {
    this.active = true;
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.policy.refreshMs);
  }

  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
  }

  /** Brings the running workers in line with the table (no-op unless delivering). */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.reconcile()).catch((error: unknown) => {
      this.logger.warn(`webhooks: reading the subscriptions failed (${error instanceof Error ? error.message : String(error)}); trying again`);
    });
    return this.refreshing;
  }

  private async reconcile(): Promise<void> {
    if (!this.active) return;
    const wanted = new Map((await this.subscriptions.list()).filter((s) => s.status === 'active').map((s) => [s.id, s]));
    for (const [id, worker] of this.workers) {
      if (!worker.isRunning || !wanted.has(id)) {
        this.workers.delete(id);
        await worker.stop();
      }
    }
    if (!this.active) return;
    for (const [id, subscription] of wanted) {
      if (this.workers.has(id)) continue;
      const worker = new WebhookWorker(subscription, this.store, this.subscriptions, this.policy, this.logger);
      this.workers.set(id, worker);
      worker.start();
    }
  }
}

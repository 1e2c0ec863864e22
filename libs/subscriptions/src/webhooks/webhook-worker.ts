import { answerToJson } from '@storyline/story-events';
import type { EventStore, StoredEvent } from '@storyline/event-store';
import { backOff } from 'exponential-backoff';
import type { Agent } from 'node:http';
import { matches, streamPrefixesFor, toFeedEvent } from '../feed/feed-event';
import type { DeliveryPolicy } from './delivery-policy';
import { agentFor, postJson } from './http-post';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';
import type { WebhookStore, WebhookSubscription } from './webhook-store';

export interface WorkerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Delivers one subscription's events, one at a time in log order, from its checkpoint:
 * each event is retried with exponential backoff and jitter until the receiver takes it,
 * and after `policy.attempts` failures the subscription is parked as failing. The
 * checkpoint only passes an event once it was delivered (or filtered out), so a stop or
 * a crash delivers it again rather than losing it: at least once, de-duplicated by event id.
 */
export class WebhookWorker {
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;
  private position: bigint;
  private stored: bigint;
  private deliveredSinceFlush = 0;
  private lastDeliveredAt: Date | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private agent: Agent | null = null;

  constructor(
    readonly subscription: WebhookSubscription,
    private readonly store: EventStore,
    private readonly subscriptions: WebhookStore,
    private readonly policy: DeliveryPolicy,
    private readonly logger: WorkerLogger,
  ) {
    this.position = subscription.checkpoint;
    this.stored = subscription.checkpoint;
  }

  /** True until the worker stopped, was parked, or failed to read the log. */
  get isRunning(): boolean {
    return this.running !== null;
  }

  start(): void {
    this.agent = agentFor(this.subscription.url);
    this.flushTimer = setInterval(() => void this.flush(), this.policy.checkpointEveryMs);
    this.running = this.run()
      .catch((error: unknown) => {
        if (!this.abort.signal.aborted) this.logger.error(`webhook ${this.subscription.id}: stopped (${describe(error)}); it starts again from its checkpoint`);
      })
      .finally(async () => {
        this.running = null;
        if (this.flushTimer) clearInterval(this.flushTimer);
        this.agent?.destroy();
        await this.flush();
      });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    await this.flushing;
  }

  private async run(): Promise<void> {
    const { subscription } = this;
    const filter = { types: subscription.types, stories: subscription.stories };
    const events = this.store.subscribeToAll({ after: this.position, streamPrefixes: streamPrefixesFor(filter), signal: this.abort.signal });
    for await (const event of events) {
      if (matches(filter, event)) {
        if (!(await this.deliver(event))) return;
        this.deliveredSinceFlush += 1;
        this.lastDeliveredAt = new Date();
      }
      this.position = event.position;
    }
  }

  /** True once delivered; false when the worker was stopped or the subscription parked. */
  private async deliver(event: StoredEvent): Promise<boolean> {
    const body = answerToJson({ id: event.eventId, ...toFeedEvent(event, true) });
    const signal = this.abort.signal;
    let attempt = 0;
    try {
      await backOff(
        () => {
          if (signal.aborted) throw new Error('stopped');
          attempt += 1;
          const headers = { [SIGNATURE_HEADER]: signatureHeader(this.subscription.secret, body), [EVENT_ID_HEADER]: event.eventId, 'Storyline-Delivery-Attempt': String(attempt) };
          return postJson(this.subscription.url, body, headers, { agent: this.agent!, timeoutMs: this.policy.timeoutMs, signal });
        },
        {
          numOfAttempts: this.policy.attempts,
          startingDelay: this.policy.firstDelayMs,
          maxDelay: this.policy.maxDelayMs,
          timeMultiple: 2,
          jitter: 'full',
          retry: async (error: unknown, attemptNumber: number) => {
            if (signal.aborted || attemptNumber >= this.policy.attempts) return false;
            this.logger.warn(`webhook ${this.subscription.id}: event ${event.position} attempt ${attemptNumber} failed (${describe(error)}); retrying`);
            await this.subscriptions.recordFailure(this.subscription.id, attemptNumber, describe(error), false);
            return true;
          },
        },
      );
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      await this.flush();
      await this.subscriptions.recordFailure(this.subscription.id, attempt, describe(error), true);
      this.logger.error(`webhook ${this.subscription.id}: parked as failing after ${attempt} attempts at event ${event.position} (${describe(error)})`);
      return false;
    }
  }

  /** Writes the checkpoint if it moved; one write at a time. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.position === this.stored && this.deliveredSinceFlush === 0) return;
      const [position, delivered, at] = [this.position, this.deliveredSinceFlush, this.lastDeliveredAt];
      this.deliveredSinceFlush = 0;
      this.lastDeliveredAt = null;
      try {
        await this.subscriptions.advance(this.subscription.id, position, delivered, at);
        this.stored = position;
      } catch (error) {
        this.deliveredSinceFlush += delivered;
        this.logger.warn(`webhook ${this.subscription.id}: storing its checkpoint failed (${describe(error)}); trying again`);
      }
    });
    return this.flushing;
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

import { LeaderElection, PostgresLockSession } from '@storyline/host';
import type { JetStreamPublisher } from './broker/jetstream-publisher';
import type { WebhookDeliverer } from './webhooks/webhook-deliverer';
import type { WorkerLogger } from './webhooks/webhook-worker';

/** Beside the projector's leadership lock (class 'STLN'): one instance delivers at a time. */
export const DELIVERY_LOCK = { classId: 0x53544c4e, objectId: 1 } as const;

/**
 * Only the instance that holds the delivery lock sends webhooks and publishes to
 * JetStream; the others stand by and one of them takes over when its session drops. The
 * projector's own election is reused with a lock of its own, so deliveries and projections
 * may lead in different processes and neither waits on the other.
 */
export class DeliveryLeadership {
  private readonly election: LeaderElection;

  constructor(
    databaseUrl: string,
    private readonly deliverer: WebhookDeliverer,
    private readonly publisher: JetStreamPublisher | null,
    logger: WorkerLogger,
    retryMs?: number,
  ) {
    this.election = new LeaderElection({
      name: 'deliveries',
      openSession: () => PostgresLockSession.open(databaseUrl, 'storyline-deliveries', DELIVERY_LOCK),
      onElected: () => this.lead(),
      onDeposed: () => this.standDown(),
      retryMs,
      logger,
    });
  }

  get isLeader(): boolean {
    return this.election.isLeader;
  }

  start(): Promise<void> {
    return this.election.start();
  }

  stop(): Promise<void> {
    return this.election.stop();
  }

  private async lead(): Promise<void> {
    this.publisher?.start();
    await this.deliverer.start();
  }

  private async standDown(): Promise<void> {
    await Promise.all([this.deliverer.stop(), this.publisher?.stop()]);
  }
}

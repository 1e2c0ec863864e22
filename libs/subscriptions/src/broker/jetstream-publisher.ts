import { answerToJson } from '@storyline/story-events';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { EventStore, StoredEvent } from '@storyline/event-store';
import { backOff } from 'exponential-backoff';
import { storyOf, toFeedEvent } from '../feed/feed-event';
import type { WorkerLogger } from '../webhooks/webhook-worker';
import type { FollowerCheckpoints } from './follower-checkpoints';

export interface JetStreamOptions {
  readonly natsUrl: string;
  /** The JetStream stream that keeps the subjects; created when missing. */
  readonly stream: string;
  /** Subjects are `<prefix>.<story>.<EventType>`. */
  readonly subjectPrefix: string;
  /** The checkpoint's name in `follower_checkpoints`. */
  readonly checkpoint: string;
  /** Publications awaiting JetStream's acknowledgement at once. */
  readonly maxInFlight: number;
  readonly checkpointEveryMs: number;
  /** How long JetStream remembers message ids to drop duplicates (it must outlast a restart). */
  readonly duplicateWindowMs: number;
}

export const DEFAULT_JETSTREAM_OPTIONS: Omit<JetStreamOptions, 'natsUrl'> = {
  stream: 'STORYLINE',
  subjectPrefix: 'storyline',
  checkpoint: 'jetstream',
  maxInFlight: 1024,
  checkpointEveryMs: 200,
  duplicateWindowMs: 10 * 60_000,
};

/** `storyline.<story id>.<EventType>`; events outside a story use their stream's kind (`source`). */
export function subjectFor(prefix: string, event: Pick<StoredEvent, 'streamId' | 'type'>): string {
  const story = storyOf(event.streamId) ?? event.streamId.split('-', 1)[0];
  return `${prefix}.${story.replace(/[.*>\s]/g, '_')}.${event.type}`;
}

interface InFlight {
  readonly position: bigint;
  done: boolean;
  readonly acked: Promise<unknown>;
}

/**
 * Publishes the whole log to NATS JetStream from a checkpoint, with the event id as the
 * message id (`Nats-Msg-Id`) so that JetStream drops what a restart publishes again.
 * Many publications are in flight at once; the checkpoint only passes an event once
 * JetStream acknowledged it and every one before it. A failure (server gone, ack timed
 * out) starts over from the checkpoint after a backoff.
 */
export class JetStreamPublisher {
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private confirmed = 0n;
  private stored = 0n;
  private published = 0;
  private lastError: string | null = null;

  constructor(
    private readonly options: JetStreamOptions,
    private readonly store: EventStore,
    private readonly checkpoints: FollowerCheckpoints,
    private readonly logger: WorkerLogger,
  ) {}

  get status(): { running: boolean; checkpoint: bigint; published: number; lastError: string | null } {
    return { running: this.running !== null, checkpoint: this.stored, published: this.published, lastError: this.lastError };
  }

  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.running = backOff(() => this.publishUntilStopped(signal), {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 500,
      maxDelay: 30_000,
      jitter: 'full',
      retry: (error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (!signal.aborted) this.logger.warn(`jetstream: publishing stopped (${this.lastError}); starting again from the checkpoint`);
        return !signal.aborted;
      },
    })
      .catch(() => undefined)
      .finally(() => (this.running = null));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async publishUntilStopped(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    // No async stack traces: capturing one per publication costs more than the publication itself.
    const connection = await connect({ servers: this.options.natsUrl, name: 'storyline', maxReconnectAttempts: -1, noAsyncTraces: true });
    const flusher = setInterval(() => void this.flush(), this.options.checkpointEveryMs);
    try {
      await this.ensureStream(connection);
      this.confirmed = this.stored = await this.checkpoints.read(this.options.checkpoint);
      await this.follow(jetstream(connection), signal);
    } finally {
      clearInterval(flusher);
      await this.flush();
      if (!connection.isClosed()) await connection.drain().catch(() => connection.close());
    }
  }

  private async ensureStream(connection: NatsConnection): Promise<void> {
    const manager = await jetstreamManager(connection);
    const { stream, subjectPrefix, duplicateWindowMs } = this.options;
    try {
      await manager.streams.info(stream);
    } catch {
      await manager.streams.add({ name: stream, subjects: [`${subjectPrefix}.>`], duplicate_window: nanos(duplicateWindowMs) });
      this.logger.log(`jetstream: created the stream ${stream} for ${subjectPrefix}.>`);
    }
  }

  private async follow(client: JetStreamClient, signal: AbortSignal): Promise<void> {
    const inFlight: InFlight[] = [];
    const failed = new AbortController();
    let failure: unknown = null;
    const settle = (): void => {
      while (inFlight.length > 0 && inFlight[0].done) this.confirmed = inFlight.shift()!.position;
    };
    const events = this.store.subscribeToAll({ after: this.confirmed, signal: AbortSignal.any([signal, failed.signal]), batchSize: 1000 });
    for await (const event of events) {
      const header = headers();
      header.set('Storyline-Position', event.position.toString());
      header.set('Storyline-Event-Id', event.eventId);
      const publishing = client.publish(subjectFor(this.options.subjectPrefix, event), answerToJson(toFeedEvent(event, true)), { msgID: event.eventId, headers: header });
      const entry: InFlight = { position: event.position, done: false, acked: publishing };
      inFlight.push(entry);
      publishing.then(
        () => {
          entry.done = true;
          this.published += 1;
          settle();
        },
        (error: unknown) => {
          failure ??= error;
          failed.abort();
        },
      );
      // A full window waits for its oldest publication only, so the pipeline never runs dry.
      if (inFlight.length >= this.options.maxInFlight) await inFlight[0].acked.catch(() => undefined);
    }
    // Stopping: what is in flight may still be acknowledged; what is not is published again next time.
    await Promise.race([Promise.allSettled(inFlight.map((entry) => entry.acked)), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    if (failure) throw failure;
  }

  private async flush(): Promise<void> {
    const position = this.confirmed;
    if (position <= this.stored) return;
    await this.checkpoints.advance(this.options.checkpoint, position).then(
      () => (this.stored = position),
      (error: unknown) => this.logger.warn(`jetstream: storing the checkpoint failed (${error instanceof Error ? error.message : String(error)})`),
    );
  }
}

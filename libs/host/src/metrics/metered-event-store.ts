import { ConcurrencyError, type AppendResult, type EventStore, type ExpectedRevision, type NewEvent } from '@storyline/event-store';
import { instruments } from './instruments';

/** An {@link EventStore} that times every append and records its size; everything else passes through. */
export class MeteredEventStore implements EventStore {
  constructor(private readonly inner: EventStore) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const stop = instruments.appendSeconds.startTimer();
    try {
      const result = await this.inner.appendToStream(streamId, events, expected);
      stop({ outcome: 'ok' });
      instruments.appendBatchEvents.observe(events.length);
      return result;
    } catch (error) {
      stop({ outcome: error instanceof ConcurrencyError ? 'conflict' : 'error' });
      throw error;
    }
  }

  readStream: EventStore['readStream'] = (streamId, options) => this.inner.readStream(streamId, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}

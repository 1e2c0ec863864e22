import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyStream } from '@storyline/story-events';
import { StoryReplayer, type ReplayStep, type StateDetail } from './replay';

/** Where the streamer writes: an SSE response, or anything else that takes messages. */
export interface ReplaySink {
  send(step: ReplayStep): void;
  readonly signal: AbortSignal;
}

/**
 * Replays a story's stream after a position, then follows the log live for that stream
 * until the sink's signal aborts. The subscription starts after the last event read, so
 * an event appended in between is neither lost nor sent twice.
 */
@Injectable()
export class ReplayStreamer {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async stream(storyId: string, after: bigint, detail: StateDetail, sink: ReplaySink): Promise<void> {
    const stream = storyStream(storyId);
    const replayer = new StoryReplayer(detail);
    let last = 0n;
    for (const event of await this.store.readStream(stream)) {
      const step = replayer.step(event);
      last = event.position;
      if (event.position > after) sink.send(step);
    }
    if (sink.signal.aborted) return;
    for await (const event of this.store.subscribeToAll({ after: last, streamPrefixes: [stream], signal: sink.signal })) {
      if (event.streamId !== stream) continue;
      const step = replayer.step(event);
      if (event.position > after) sink.send(step);
    }
  }
}

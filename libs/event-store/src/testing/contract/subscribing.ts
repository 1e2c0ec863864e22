import { START } from '../../event-store.port';
import { idsOf, nextWithin, reports, storyStream, take, type CurrentStore } from './fixtures';

export function subscribingContract(store: CurrentStore): void {
  describe('subscribing to the log', () => {
    it('delivers the stored events, then live ones, and ends when aborted', async () => {
      const stream = storyStream();
      const stored = reports(3);
      await store().appendToStream(stream, stored, 'no_stream');
      const abort = new AbortController();
      const subscription = store().subscribeToAll({ after: START, signal: abort.signal })[Symbol.asyncIterator]();
      expect(idsOf(await take(subscription, 3))).toEqual(idsOf(stored));
      const live = reports(2);
      const pending = take(subscription, 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store().appendToStream(stream, live, 2n);
      const delivered = await pending;
      expect(idsOf(delivered)).toEqual(idsOf(live));
      expect(delivered.map((event) => event.streamRevision)).toEqual([3n, 4n]);
      abort.abort();
      expect(await nextWithin(subscription, 2000, 'end after abort')).toEqual({ done: true, value: undefined });
    });

    it('ends promptly when aborted while waiting for new events', async () => {
      const abort = new AbortController();
      const subscription = store().subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
      const ended = nextWithin(subscription, 2000, 'end after abort');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const abortedAt = Date.now();
      abort.abort();
      expect((await ended).done).toBe(true);
      expect(Date.now() - abortedAt).toBeLessThan(500);
    });

    it('starts after a position, follows only the given prefixes and reads in small batches', async () => {
      const [story, audit] = [storyStream('story-'), storyStream('audit-')];
      const skipped = await store().appendToStream(story, reports(2), 'no_stream');
      await store().appendToStream(audit, reports(3), 'no_stream');
      const wanted = reports(5);
      await store().appendToStream(story, wanted.slice(0, 3), 1n);
      const abort = new AbortController();
      const subscription = store()
        .subscribeToAll({ after: skipped.position, streamPrefixes: ['story-'], batchSize: 2, signal: abort.signal })
        [Symbol.asyncIterator]();
      expect(idsOf(await take(subscription, 3))).toEqual(idsOf(wanted.slice(0, 3)));
      await store().appendToStream(audit, reports(1), 2n);
      await store().appendToStream(story, wanted.slice(3), 4n);
      const live = await take(subscription, 2);
      expect(idsOf(live)).toEqual(idsOf(wanted.slice(3)));
      abort.abort();
      expect((await nextWithin(subscription, 2000, 'end after abort')).done).toBe(true);
    });

    it('serves several subscribers at once, each from its own position', async () => {
      const stream = storyStream();
      const first = await store().appendToStream(stream, reports(2), 'no_stream');
      const abort = new AbortController();
      const fromStart = store().subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
      const fromHead = store().subscribeToAll({ after: first.position, signal: abort.signal })[Symbol.asyncIterator]();
      expect(await take(fromStart, 2)).toHaveLength(2);
      const later = reports(2);
      const [a, b] = [take(fromStart, 2), take(fromHead, 2)];
      await store().appendToStream(stream, later, 1n);
      expect(idsOf(await a)).toEqual(idsOf(later));
      expect(idsOf(await b)).toEqual(idsOf(later));
      abort.abort();
      expect((await nextWithin(fromStart, 2000, 'end after abort')).done).toBe(true);
      expect((await nextWithin(fromHead, 2000, 'end after abort')).done).toBe(true);
    });
  });
}

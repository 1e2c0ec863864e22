import { DuplicateEventError } from '../../errors';
import { idsOf, reported, reports, storyStream, type CurrentStore } from './fixtures';

export function idempotencyContract(store: CurrentStore): void {
  describe('retrying an append', () => {
    it('recognises an identical retry, answers with the original positions and appends nothing', async () => {
      const stream = storyStream();
      const events = reports(3);
      const original = await store().appendToStream(stream, events, 'no_stream');
      const retry = await store().appendToStream(stream, events, 'no_stream');
      expect(retry).toEqual({ ...original, alreadyAppended: true });
      expect(await store().readStream(stream)).toHaveLength(3);
      expect(await store().headPosition()).toBe(original.position);
    });

    it('recognises a retry after the stream moved on', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, [reported()], 'no_stream');
      const events = reports(2);
      const original = await store().appendToStream(stream, events, 0n);
      await store().appendToStream(stream, reports(2), 2n);
      const retry = await store().appendToStream(stream, events, 0n);
      expect(retry).toEqual({ ...original, alreadyAppended: true });
      expect(retry.nextExpectedRevision).toBe(2n);
      expect(await store().readStream(stream)).toHaveLength(5);
    });

    it('recognises an event id retried in upper case', async () => {
      const stream = storyStream();
      const event = reported();
      const original = await store().appendToStream(stream, [event], 'no_stream');
      const retry = await store().appendToStream(stream, [{ ...event, eventId: event.eventId.toUpperCase() }], 'no_stream');
      expect(retry.positions).toEqual(original.positions);
      expect(retry.alreadyAppended).toBe(true);
    });

    it('refuses an append that reuses only some stored event ids', async () => {
      const stream = storyStream();
      const events = reports(2);
      await store().appendToStream(stream, events, 'no_stream');
      const overlapping = [events[1], reported()];
      const refusal = store().appendToStream(stream, overlapping, 1n);
      await expect(refusal).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(refusal).rejects.toMatchObject({ eventId: events[1].eventId });
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(events));
    });

    it('refuses stored event ids sent in another order, to another stream, or with a gap', async () => {
      const stream = storyStream();
      const events = reports(3);
      await store().appendToStream(stream, events, 'no_stream');
      await expect(store().appendToStream(stream, [events[1], events[0]], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(store().appendToStream(storyStream(), events, 'no_stream')).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(store().appendToStream(stream, [events[0], events[2]], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
      expect(await store().readAll({ maxCount: 10 })).toHaveLength(3);
    });

    it('refuses an append that repeats an event id within itself', async () => {
      const event = reported();
      await expect(store().appendToStream(storyStream(), [event, { ...event, data: { other: true } }], 'no_stream')).rejects.toBeInstanceOf(
        DuplicateEventError,
      );
      expect(await store().headPosition()).toBe(0n);
    });
  });
}

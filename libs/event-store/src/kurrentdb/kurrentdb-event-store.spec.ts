import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type EventData,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, DuplicateEventError, InvalidAppendError } from '../errors';
import { START, type NewEvent } from '../event-store.port';
import { toEventData } from './event-codec';
import { createKurrentDbEventStore, KurrentDbEventStore, type KurrentDbClient } from './kurrentdb-event-store';
import { packPosition } from './log-position';
import { prepareAppend } from '../shared/append-validation';
import { at, recordedFrom, resolvedEvents } from './testing/recorded-events';

// Unit tests of the adapter's own logic against a scripted client: each test says what the
// client answers. They show nothing about how a real KurrentDB answers; the contract suite
// in kurrentdb-event-store.int-spec.ts does, when KURRENTDB_URL is set.

const NS = 'tenant-a:';

function event(statement = 'The bridge closed'): NewEvent {
  return { eventId: randomUUID(), type: 'FactReported', schemaVersion: 1, data: { statement }, metadata: { actor: 'unit', correlationId: 'c', causationId: null } };
}

function stored(streamName: string, events: readonly NewEvent[], firstRevision: bigint, firstCommit: bigint): AllStreamRecordedEvent[] {
  return prepareAppend(streamName, events).map((prepared, index) =>
    recordedFrom(toEventData(prepared), { streamId: streamName, revision: firstRevision + BigInt(index), position: at(firstCommit + BigInt(index) * 100n) }),
  );
}

async function* failing(error: Error): AsyncGenerator<never> {
  throw error;
}

/** A client whose streams hold `log`; appends do what each test scripts. */
function scriptedClient(log: AllStreamRecordedEvent[] = []) {
  return {
    log,
    readStream: jest.fn((name: string, options: { fromRevision: bigint; maxCount?: number }) => {
      const inStream = log.filter((recorded) => recorded.streamId === name);
      if (inStream.length === 0) return failing(new StreamNotFoundError(undefined, name));
      return resolvedEvents(inStream.filter((recorded) => recorded.revision >= options.fromRevision).slice(0, options.maxCount));
    }),
    readAll: jest.fn((_options: unknown) => resolvedEvents(log)),
    appendToStream: jest.fn(async (_name: string, _events: EventData[], _options: unknown): Promise<{ success: boolean; nextExpectedRevision: bigint }> => {
      throw new Error('no append scripted');
    }),
    subscribeToAll: jest.fn(),
    dispose: jest.fn(async () => undefined),
  };
}

function storeOn(client: ReturnType<typeof scriptedClient>): KurrentDbEventStore {
  return new KurrentDbEventStore({ client: client as unknown as KurrentDbClient, streamNamespace: NS });
}

/** Scripts the next append to land its events at `firstRevision` from commit `firstCommit`. */
function appendLands(client: ReturnType<typeof scriptedClient>, firstRevision: bigint, firstCommit: bigint): void {
  client.appendToStream.mockImplementationOnce(async (name, events) => {
    events.forEach((sent, index) =>
      client.log.push(recordedFrom(sent, { streamId: name, revision: firstRevision + BigInt(index), position: at(firstCommit + BigInt(index)) })),
    );
    return { success: true, nextExpectedRevision: firstRevision + BigInt(events.length - 1) };
  });
}

describe('KurrentDbEventStore appending', () => {
  it('sends the expected revision as streamState, under the namespace, and answers with the positions it reads back', async () => {
    const client = scriptedClient(stored(`${NS}story-1`, [event(), event()], 0n, 100n));
    appendLands(client, 2n, 900n);
    const events = [event('a'), event('b')];
    const result = await storeOn(client).appendToStream('story-1', events, 1n);
    expect(client.appendToStream).toHaveBeenCalledWith(`${NS}story-1`, expect.any(Array), { streamState: 1n });
    expect(client.appendToStream.mock.calls[0][1].map((sent) => sent.id)).toEqual(events.map((sent) => sent.eventId));
    expect(result).toEqual({
      nextExpectedRevision: 3n,
      position: packPosition(at(901n)),
      positions: [packPosition(at(900n)), packPosition(at(901n))],
      alreadyAppended: false,
    });
  });

  it('passes no_stream to KurrentDB for a new stream', async () => {
    const client = scriptedClient();
    appendLands(client, 0n, 50n);
    await storeOn(client).appendToStream('story-2', [event()], 'no_stream');
    expect(client.appendToStream.mock.calls[0][2]).toEqual({ streamState: NO_STREAM });
  });

  it('recognises a retry from the stream itself, without appending again', async () => {
    const retried = [event('a'), event('b')];
    const client = scriptedClient([...stored(`${NS}story-3`, [event()], 0n, 10n), ...stored(`${NS}story-3`, retried, 1n, 500n), ...stored(`${NS}story-3`, [event()], 3n, 800n)]);
    const result = await storeOn(client).appendToStream('story-3', retried, 0n);
    expect(result).toEqual({ nextExpectedRevision: 2n, position: packPosition(at(600n)), positions: [packPosition(at(500n)), packPosition(at(600n))], alreadyAppended: true });
    await expect(storeOn(client).appendToStream('story-3', [retried[1], event()], 3n)).rejects.toBeInstanceOf(DuplicateEventError);
    expect(client.appendToStream).not.toHaveBeenCalled();
  });

  it("turns KurrentDB's wrong expected version into a ConcurrencyError on the port's stream id", async () => {
    const client = scriptedClient(stored(`${NS}story-4`, [event()], 0n, 10n));
    client.appendToStream.mockRejectedValueOnce(new WrongExpectedVersionError(undefined, { streamName: `${NS}story-4`, expected: 0n, current: 5n }));
    const refusal = storeOn(client).appendToStream('story-4', [event()], 0n);
    await expect(refusal).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(refusal).rejects.toMatchObject({ streamId: 'story-4', expected: '0', actual: '5' });
  });

  it('answers a refusal caused by a concurrent identical append as a retry', async () => {
    const client = scriptedClient(stored(`${NS}story-5`, [event()], 0n, 10n));
    const events = [event()];
    client.appendToStream.mockImplementationOnce(async (name, sent) => {
      client.log.push(recordedFrom(sent[0], { streamId: name, revision: 1n, position: at(70n) }));
      throw new WrongExpectedVersionError(undefined, { streamName: name, expected: 0n, current: 1n });
    });
    expect(await storeOn(client).appendToStream('story-5', events, 0n)).toMatchObject({ positions: [packPosition(at(70n))], alreadyAppended: true });
  });

  it('refuses, before contacting KurrentDB, stream names and types it reserves and malformed events', async () => {
    const client = scriptedClient();
    const store = new KurrentDbEventStore({ client: client as unknown as KurrentDbClient });
    await expect(store.appendToStream('$settings', [event()], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.appendToStream('story-6', [{ ...event(), type: '$>' }], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.appendToStream('story-6', [{ ...event(), eventId: 'nope' }], 'any')).rejects.toThrow(/not a UUID/);
    expect(client.readStream).not.toHaveBeenCalled();
    expect(client.appendToStream).not.toHaveBeenCalled();
  });
});

describe('KurrentDbEventStore reading', () => {
  it('reads a missing stream as no events, and a stream from a revision without its namespace', async () => {
    const client = scriptedClient(stored(`${NS}story-7`, [event(), event(), event()], 0n, 10n));
    const store = storeOn(client);
    expect(await store.readStream('story-missing')).toEqual([]);
    const page = await store.readStream('story-7', { fromRevision: 1n, maxCount: 1 });
    expect(page.map((read) => [read.streamId, read.streamRevision])).toEqual([['story-7', 1n]]);
    expect(await store.readStream('story-7', { maxCount: 0 })).toEqual([]);
  });

  it('reads $all strictly after a checkpoint: one more than asked, from the unpacked position, filtered', async () => {
    const log = [
      ...stored(`${NS}story-8`, [event()], 0n, 100n),
      ...stored('$ce-story', [{ ...event(), type: '$>' }], 0n, 150n),
      ...stored('tenant-b:story-8', [event()], 0n, 170n),
      ...stored(`${NS}story-8`, [event(), event(), event()], 1n, 200n),
    ];
    const client = scriptedClient(log);
    const after = packPosition(at(100n));
    const read = await storeOn(client).readAll({ after, maxCount: 2, streamPrefixes: ['story-'] });
    expect(client.readAll).toHaveBeenCalledWith({ fromPosition: at(100n), maxCount: 3, filter: expect.objectContaining({ prefixes: [`${NS}story-`] }) });
    expect(read.map((found) => found.position)).toEqual([packPosition(at(200n)), packPosition(at(300n))]);
    expect(await storeOn(client).readAll({ maxCount: 5, streamPrefixes: [] })).toEqual([]);
  });

  it('finds the head by reading $all backwards past system events, and START when there is none', async () => {
    const client = scriptedClient([...stored('$$story-9', [{ ...event(), type: '$metadata' }], 0n, 400n), ...stored(`${NS}story-9`, [event()], 0n, 300n)]);
    expect(await storeOn(client).headPosition()).toBe(packPosition(at(300n)));
    expect(client.readAll).toHaveBeenCalledWith(expect.objectContaining({ direction: BACKWARDS, fromPosition: END }));
    expect(await storeOn(scriptedClient()).headPosition()).toBe(START);
  });

  it('drops system events that reach a store without a namespace', async () => {
    const client = scriptedClient([...stored('story-10', [{ ...event(), type: '$streamDeleted' }], 1n, 600n), ...stored('story-10', [event()], 0n, 500n)]);
    const store = new KurrentDbEventStore({ client: client as unknown as KurrentDbClient });
    expect(await store.headPosition()).toBe(packPosition(at(500n)));
    expect((await store.readAll({ maxCount: 10 })).map((found) => found.type)).toEqual(['FactReported']);
  });
});

describe('KurrentDbEventStore subscribing and closing', () => {
  it('subscribes from the checkpoint with the server-side filter and ends when the store closes', async () => {
    const client = scriptedClient();
    const source = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: jest.fn(async () => undefined) });
    client.subscribeToAll.mockReturnValue(source);
    const store = storeOn(client);
    const feed = store.subscribeToAll({ after: packPosition(at(5n, 6n)) })[Symbol.asyncIterator]();
    const pending = feed.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.subscribeToAll).toHaveBeenCalledWith({ fromPosition: at(5n, 6n), filter: expect.objectContaining({ prefixes: [NS] }) });
    await store.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(source.unsubscribe).toHaveBeenCalled();
    expect(() => store.subscribeToAll({})).toThrow(/closed/);
  });

  it('refuses a batch size of 0', () => {
    expect(() => storeOn(scriptedClient()).subscribeToAll({ batchSize: 0 })).toThrow(RangeError);
  });

  it('closes only a client it opened itself', async () => {
    const client = scriptedClient();
    await storeOn(client).close();
    expect(client.dispose).not.toHaveBeenCalled();
    await expect(createKurrentDbEventStore('kurrentdb://127.0.0.1:2113?tls=false').close()).resolves.toBeUndefined();
  });

  it('names a connection string it cannot use', () => {
    expect(() => createKurrentDbEventStore('postgres://localhost:5432/db')).toThrow(/not a KurrentDB connection string/);
    expect(() => createKurrentDbEventStore('kurrentdb://h:2113', { streamNamespace: '$system' })).toThrow(/streamNamespace/);
  });
});

import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { openLogFixture, type LogFixture } from '../testing/log-fixture';
import { NATS_TEST_URL, reachNats } from '../testing/nats';
import { FollowerCheckpoints } from './follower-checkpoints';
import { DEFAULT_JETSTREAM_OPTIONS, JetStreamPublisher, subjectFor, type JetStreamOptions } from './jetstream-publisher';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(60_000);

describe('JetStream publication', () => {
  let nats: NatsConnection | null = null;
  let skip: string | null = null;
  let manager: JetStreamManager;
  let log: LogFixture;
  let options: JetStreamOptions;
  const tag = randomBytes(4).toString('hex');

  beforeAll(async () => {
    const reached = await reachNats();
    if (typeof reached === 'string') {
      skip = reached;
      console.log(`JetStream tests skipped: ${skip}`);
      return;
    }
    nats = reached;
    manager = await jetstreamManager(nats);
    log = await openLogFixture('storyline_jetstream');
    // A stream and subjects of this run's own, so runs never see each other's messages.
    options = { ...DEFAULT_JETSTREAM_OPTIONS, natsUrl: NATS_TEST_URL, stream: `STORYLINE_TEST_${tag}`, subjectPrefix: `storyline_test_${tag}`, checkpointEveryMs: 50 };
  });

  afterAll(async () => {
    if (!nats) return;
    await manager.streams.delete(options.stream).catch(() => undefined);
    await nats.close();
    await log.close();
  });

  /** Every message in the stream, through a consumer as a subscriber would read them. */
  async function consumeAll(expected: number): Promise<{ subject: string; msgId: string; position: number }[]> {
    const name = `reader_${randomBytes(3).toString('hex')}`;
    await manager.consumers.add(options.stream, { durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
    const consumer = await jetstream(nats!).consumers.get(options.stream, name);
    const seen: { subject: string; msgId: string; position: number }[] = [];
    while (seen.length < expected) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1_000 });
      let got = 0;
      for await (const message of batch) {
        got += 1;
        seen.push({ subject: message.subject, msgId: message.headers?.get('Nats-Msg-Id') ?? '', position: Number(message.headers?.get('Storyline-Position')) });
        message.ack();
      }
      if (got === 0) break;
    }
    const rest = await consumer.fetch({ max_messages: 10, expires: 1_000 });
    for await (const message of rest) seen.push({ subject: message.subject, msgId: message.headers?.get('Nats-Msg-Id') ?? '', position: -1 });
    return seen;
  }

  it('publishes every event once, in log order, with the event id as message id, across a publisher restart', async () => {
    if (skip) return console.log(`skipped: ${skip}`);
    const checkpoints = new FollowerCheckpoints(log.dataSource);
    const story = randomUUID();
    const first = await log.append(story, 50);
    const publisher = new JetStreamPublisher(options, log.store, checkpoints, quiet);
    publisher.start();
    for (let waited = 0; (await checkpoints.read(options.checkpoint)) < 50n && waited < 10_000; waited += 50) await sleep(50);
    await publisher.stop();
    // The restarted publisher starts from an older checkpoint (as after a crash before it was
    // stored): it publishes those events again, and JetStream drops them by message id.
    await checkpoints.reset(options.checkpoint, 20n);
    const second = await log.append(story, 30, 'FactsLinked');
    const restarted = new JetStreamPublisher(options, log.store, checkpoints, quiet);
    restarted.start();
    for (let waited = 0; (await checkpoints.read(options.checkpoint)) < 80n && waited < 10_000; waited += 50) await sleep(50);
    await restarted.stop();

    const messages = await consumeAll(80);
    expect(messages.map((message) => message.msgId)).toEqual([...first, ...second]);
    expect(messages.map((message) => message.position)).toEqual(Array.from({ length: 80 }, (_, index) => index + 1));
    expect(messages[0].subject).toBe(`${options.subjectPrefix}.${story}.FactReported`);
    expect(messages[79].subject).toBe(subjectFor(options.subjectPrefix, { streamId: `story-${story}`, type: 'FactsLinked' }));
    expect((await manager.streams.info(options.stream)).state.messages).toBe(80);
  });
});

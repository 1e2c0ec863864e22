import { connect, type NatsConnection } from '@nats-io/transport-node';

/** The machine's NATS server, or why it cannot be used (tests then skip, saying so). */
export const NATS_TEST_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

export async function reachNats(): Promise<NatsConnection | string> {
  try {
    return await connect({ servers: NATS_TEST_URL, timeout: 1_500, maxReconnectAttempts: 0 });
  } catch (error) {
    return `no NATS server at ${NATS_TEST_URL} (${error instanceof Error ? error.message : String(error)})`;
  }
}

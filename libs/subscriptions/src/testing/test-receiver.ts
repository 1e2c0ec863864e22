import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from '../webhooks/signature';

/** What the receiver does with the n-th request it gets (1-based). */
export type Behaviour = 'ok' | 'fail' | 'hang';

export interface Received {
  readonly eventId: string;
  readonly position: number;
  readonly signed: boolean;
  readonly body: Record<string, unknown>;
}

/**
 * A webhook receiver on 127.0.0.1, as a subscriber would write one: it verifies each
 * request's signature, records it, and drops what it already took by event id. It fails,
 * hangs or answers as the script says.
 */
export class TestReceiver {
  /** Every request, duplicates included, in arrival order. */
  readonly requests: Received[] = [];
  /** What the receiver kept: each event once, in the order first taken. */
  readonly kept: Received[] = [];
  private readonly seen = new Set<string>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | null = null;
  private count = 0;
  /** Latency hook: called with each kept event as it arrives. */
  onKept: (event: Received) => void = () => undefined;

  constructor(
    private readonly secret: string,
    public script: (n: number) => Behaviour = () => 'ok',
  ) {}

  async listen(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.count += 1;
    const behaviour = this.script(this.count);
    const signed = verifySignature(this.secret, raw, String(request.headers[SIGNATURE_HEADER.toLowerCase()] ?? ''));
    const body = JSON.parse(raw) as Record<string, unknown>;
    const received: Received = { eventId: String(request.headers[EVENT_ID_HEADER.toLowerCase()]), position: Number(body.position), signed, body };
    if (behaviour === 'hang') {
      // Takes the event but never answers: the sender times out and sends it again.
      this.take(received);
      this.hanging.add(response);
      return;
    }
    if (behaviour === 'fail') {
      response.writeHead(503).end();
      return;
    }
    this.take(received);
    response.writeHead(204).end();
  }

  private take(received: Received): void {
    this.requests.push(received);
    if (!received.signed || this.seen.has(received.eventId)) return;
    this.seen.add(received.eventId);
    this.kept.push(received);
    this.onKept(received);
  }
}

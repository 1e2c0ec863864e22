import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long a client that lost its event stream to a shutdown waits before reconnecting (SSE `retry:`). */
const RECONNECT_MS = 1_000;

/**
 * Keeps the server's open responses, so a shutdown can stop accepting, tell event-stream
 * clients to reconnect (elsewhere, or here once restarted), and let the other requests (the
 * writes in flight) finish before the pools close.
 */
export class HttpDrain {
  private readonly open = new Map<ServerResponse, IncomingMessage>();

  constructor(private readonly server: Server) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.open.set(response, request);
      // A stream ended by the shutdown may still be written to once by its producer.
      response.on('error', () => undefined);
      response.on('close', () => this.open.delete(response));
    });
  }

  /** Stops accepting, ends event streams, and resolves once every other request has been answered (or at `deadline`). */
  async drain(deadline: number): Promise<{ streams: number; forced: number }> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    let streams = 0;
    for (const [response, request] of this.open) {
      if (!isEventStream(request, response)) continue;
      streams += 1;
      response.end(`retry: ${RECONNECT_MS}\nevent: shutdown\ndata: {"reason":"the server is shutting down; reconnect with Last-Event-ID"}\n\n`);
    }
    const idle = setInterval(() => this.server.closeIdleConnections(), 50);
    const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now())).unref());
    try {
      if ((await Promise.race([closed, late])) !== 'late') return { streams, forced: 0 };
      const forced = this.open.size;
      this.server.closeAllConnections();
      return { streams, forced };
    } finally {
      clearInterval(idle);
    }
  }
}

function isEventStream(request: IncomingMessage, response: ServerResponse): boolean {
  if (String(response.getHeader('content-type') ?? '').startsWith('text/event-stream')) return true;
  return response.headersSent && /\/stream(\?|$)/.test(request.url ?? '');
}

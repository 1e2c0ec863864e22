import type { OutgoingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { routePattern } from '@storyline/host';
import type { HttpMetrics } from './http-metrics';

function isEventStream(response: Response, headers: unknown): boolean {
  const declared = (headers && typeof headers === 'object' ? (headers as OutgoingHttpHeaders)['Content-Type'] ?? (headers as OutgoingHttpHeaders)['content-type'] : undefined) ?? response.getHeader('content-type');
  return String(declared ?? '').startsWith('text/event-stream');
}

/** Counts the response as an open stream from the moment it sends event-stream headers until it closes. */
function watchStream(metrics: HttpMetrics, response: Response): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: Response, ...args: unknown[]) {
    response.writeHead = writeHead;
    const result = (writeHead as (...rest: unknown[]) => Response).apply(this, args);
    if (isEventStream(response, args.find((arg) => typeof arg === 'object'))) {
      const opened = process.hrtime.bigint();
      metrics.streamOpened();
      response.once('close', () => metrics.streamClosed(Number(process.hrtime.bigint() - opened) / 1e9));
    }
    return result;
  } as Response['writeHead'];
}

/**
 * Express middleware that counts every answered request by its matched route pattern
 * (`/stories/:story/timeline`), or `unmatched` when no route took it (404s, bad paths), and
 * the server-sent-event streams open.
 */
export function recordRequests(metrics: HttpMetrics): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    watchStream(metrics, response);
    response.once('finish', () => {
      metrics.record({
        method: request.method,
        route: routePattern(request),
        status: response.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    next();
  };
}

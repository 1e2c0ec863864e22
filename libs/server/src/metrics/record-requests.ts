import type { NextFunction, Request, Response } from 'express';
import type { HttpMetrics } from './http-metrics';

/**
 * Express middleware that counts every answered request by its matched route pattern
 * (`/stories/:story/timeline`), or `unmatched` when no route took it (404s, bad paths).
 */
export function recordRequests(metrics: HttpMetrics): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const pattern = request.route?.path;
      metrics.record({
        method: request.method,
        route: typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : 'unmatched',
        status: response.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    next();
  };
}

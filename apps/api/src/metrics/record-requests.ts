import type { NextFunction, Request, Response } from 'express';
import { routePattern } from '../logging/access-log';
import type { HttpMetrics } from './http-metrics';

/**
 * Express middleware that counts every answered request by its matched route pattern
 * (`/stories/:story/timeline`), or `unmatched` when no route took it (404s, bad paths).
 */
export function recordRequests(metrics: HttpMetrics): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
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

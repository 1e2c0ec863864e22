import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is kept only when it is short and plain, so it cannot forge log lines. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

type RoutedRequest = IncomingMessage & Partial<Pick<Request, 'route' | 'baseUrl' | 'originalUrl'>> & { actor?: string };

/** `X-Request-Id` from the caller when it is usable, else a new UUID; echoed on the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * The matched route pattern (`/stories/:story/timeline`), never the raw URL: `unmatched`
 * otherwise. A wildcard is the pattern of Nest's catch-all middleware, not of a route.
 */
export function routePattern(request: RoutedRequest): string {
  const pattern = request.route?.path;
  return typeof pattern === 'string' && !pattern.includes('*') ? `${request.baseUrl ?? ''}${pattern}` : 'unmatched';
}

function accessFields(request: IncomingMessage, response: ServerResponse, responseTime: number): Record<string, unknown> {
  const routed = request as RoutedRequest;
  return {
    method: request.method,
    route: routePattern(routed),
    path: (routed.originalUrl ?? request.url ?? '').split('?')[0],
    status: response.statusCode,
    durationMs: responseTime,
    // The key's id (or "anonymous"), set by the auth guard; absent when no guard ran.
    actor: routed.actor,
  };
}

/**
 * One line per answered request, at `info` (`warn` for 4xx, 429 included; `error` for 5xx):
 * request id, method, route pattern, path, status, duration and the key's id. No headers,
 * query or body: they may carry secrets and story text.
 */
export function accessLog(root: Logger): RequestHandler {
  return pinoHttp({
    logger: root,
    genReqId: requestId,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessObject: (request, response, value: { durationMs?: number }) => accessFields(request, response, value.durationMs ?? 0),
    customErrorObject: (request, response, error, value: { durationMs?: number }) => ({ ...accessFields(request, response, value.durationMs ?? 0), err: error }),
    customSuccessMessage: (request, response) => `${request.method} ${routePattern(request as RoutedRequest)} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${routePattern(request as RoutedRequest)} ${response.statusCode}`,
  }) as unknown as RequestHandler;
}

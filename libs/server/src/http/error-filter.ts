import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { isStorageUnavailable, STORAGE_RETRY_AFTER_SECONDS } from '@storyline/database';
import { ConcurrencyError } from '@storyline/event-store';
import { LogIndexLagError } from '@storyline/event-store/indexed';
import { DomainError, type DomainErrorCode } from '@storyline/story-events';
import type { Response } from 'express';

/** The one place where a domain error code becomes an HTTP status. */
const STATUS: Record<DomainErrorCode, number> = {
  'VALIDATION.INVALID': 400,
  'AUTH.MISSING': 401,
  'AUTH.INVALID': 401,
  'AUTH.FORBIDDEN': 403,
  'RATE.LIMITED': 429,
  'KEY.NOT_FOUND': 404,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'STORY.NOT_FOUND': 404,
  'STORY.SLUG_TAKEN': 409,
  'STORY.MERGED': 409,
  'STORY.SAME_STORY': 422,
  'STORY.VERSION_STALE': 412,
  'STORY.BUSY': 503,
  'REPORT.IDEMPOTENCY_KEY_REUSED': 422,
  'REPORT.NOT_FOUND': 404,
  'REPORT.NOT_IN_STORY': 409,
  'FACT.NOT_FOUND': 404,
  'FACT.RETRACTED': 409,
  'PROPOSAL.NOT_FOUND': 404,
  'PROPOSAL.RESOLVED': 409,
  'INBOX.REPORT_NOT_FOUND': 404,
  'INBOX.ALREADY_RESOLVED': 409,
  'INBOX.NOT_ROUTED': 409,
  'SOURCE.NOT_FOUND': 404,
  'SOURCE.ALREADY_REGISTERED': 409,
  'SOURCE.ALIAS_TAKEN': 409,
  'SUBSCRIPTION.NOT_FOUND': 404,
};

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** Errors thrown by Express's body parsers before a controller runs. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function fromBodyParser(error: BodyParserError): [number, ErrorBody] | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return [400, { error: { code: 'REQUEST.MALFORMED_JSON', message: 'the body is not valid JSON', field: 'body' } }];
    case 'entity.too.large':
      return [413, { error: { code: 'REQUEST.TOO_LARGE', message: `the body is larger than the ${error.limit ?? ''} bytes allowed`.replace('  ', ' '), field: 'body' } }];
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return [415, { error: { code: 'REQUEST.UNSUPPORTED_ENCODING', message: 'send the body as UTF-8', field: 'body' } }];
    default:
      return null;
  }
}

function httpCode(status: number): string {
  if (status === 404) return 'ROUTE.NOT_FOUND';
  if (status === 405) return 'ROUTE.METHOD_NOT_ALLOWED';
  return status >= 500 ? 'INTERNAL' : 'REQUEST.REJECTED';
}

/**
 * Every error leaves as `{error: {code, message, field?}}`. Anything unexpected is logged
 * here with its stack and answered as a bare 500: no stack traces or SQL reach a client.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (isStorageUnavailable(error)) return this.unavailable(error, response);
    const [status, body] = this.describe(error);
    if (status >= 500 && !(error instanceof DomainError)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (response.headersSent) return;
    // Too many commands for one story at once: nothing was stored, and a retry soon will do.
    if (body.error.code === 'STORY.BUSY') response.setHeader('Retry-After', '1');
    response.status(status).json(body);
  }

  /** The database is down or restarting: a retryable 503, logged in one line, not a bug's 500. */
  private unavailable(error: unknown, response: Response): void {
    this.logger.warn(`storage unavailable: ${error instanceof Error ? error.message : String(error)}`);
    if (response.headersSent) return;
    const message = 'the database is unreachable just now; try again shortly';
    response.status(503).setHeader('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS));
    response.json({ error: { code: 'STORAGE.UNAVAILABLE', message } });
  }

  private describe(error: unknown): [number, ErrorBody] {
    if (error instanceof DomainError) {
      return [STATUS[error.code], { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }];
    }
    if (error instanceof ConcurrencyError) return [409, { error: { code: 'STORY.BUSY', message: 'the story changed meanwhile; try again' } }];
    if (error instanceof LogIndexLagError) {
      const message = 'the change was stored, but the event log index has not caught up with it yet; read the story back before repeating it';
      return [503, { error: { code: 'EVENT_LOG.INDEX_BEHIND', message } }];
    }
    // Nest wraps the body parsers' errors in an HttpException; the parser's own is the cause.
    const parsed = fromBodyParser(((error as { cause?: unknown }).cause ?? error) as BodyParserError);
    if (parsed) return parsed;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return [status, { error: { code: httpCode(status), message: status >= 500 ? 'internal error' : error.message } }];
    }
    return [500, { error: { code: 'INTERNAL', message: 'internal error; it has been logged' } }];
  }
}

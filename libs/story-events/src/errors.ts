/**
 * Stable error codes the API and CLI show to users. The HTTP status of each is decided in
 * one place (the API's exception filter); nothing below a controller knows about HTTP.
 */
export type DomainErrorCode =
  | 'VALIDATION.INVALID'
  | 'AUTH.MISSING'
  | 'AUTH.INVALID'
  | 'AUTH.FORBIDDEN'
  | 'RATE.LIMITED'
  | 'KEY.NOT_FOUND'
  | 'REQUEST.UNSUPPORTED_MEDIA_TYPE'
  | 'STORY.NOT_FOUND'
  | 'STORY.SLUG_TAKEN'
  | 'STORY.MERGED'
  | 'STORY.SAME_STORY'
  | 'STORY.VERSION_STALE'
  | 'STORY.BUSY'
  | 'REPORT.IDEMPOTENCY_KEY_REUSED'
  | 'REPORT.NOT_FOUND'
  | 'REPORT.NOT_IN_STORY'
  | 'FACT.NOT_FOUND'
  | 'FACT.RETRACTED'
  | 'PROPOSAL.NOT_FOUND'
  | 'PROPOSAL.RESOLVED'
  | 'SOURCE.NOT_FOUND'
  | 'SOURCE.ALREADY_REGISTERED'
  | 'SOURCE.ALIAS_TAKEN'
  | 'SUBSCRIPTION.NOT_FOUND'
  | 'INBOX.REPORT_NOT_FOUND'
  | 'INBOX.ALREADY_RESOLVED'
  | 'INBOX.NOT_ROUTED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, as a path: `facts[2].evidence.end`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION.INVALID', `${field}: ${message}`, field);

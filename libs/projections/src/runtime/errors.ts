/** A projection could not apply an event: the runner has stopped at the position before it. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly position: bigint,
    readonly eventType: string,
    readonly eventId: string,
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`projection ${projection} stopped: event ${eventId} (${eventType}) at position ${position} failed: ${reason}`);
    this.name = 'ProjectionFailedError';
  }
}

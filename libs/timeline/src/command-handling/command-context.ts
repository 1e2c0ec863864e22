/** Who asked for a change, and how to tie the events it causes together. */
export interface CommandContext {
  /** An API key's id and name, or a system actor such as `system:example-loader`. */
  readonly actor: string;
  /** The actor's human name (an API key's name), recorded beside the id. */
  readonly actorName?: string;
  /** Shared by everything one user action caused; taken from `X-Correlation-Id` when sent. */
  readonly correlationId: string;
  /** This command's own id: the causation id of the events it appends. */
  readonly commandId: string;
  readonly idempotencyKey: string | null;
  /** From `If-Match`: append only if the stream is still at this revision (else 412). */
  readonly expectedRevision: bigint | null;
}

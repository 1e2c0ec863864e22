import { isStorageUnavailable } from '@storyline/database/connection-faults';

/** A failure to tell a person about, with the exit code that says what kind it was. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;

const BAD_INPUT = new Set(['VALIDATION.INVALID', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'REPORT.IDEMPOTENCY_KEY_REUSED']);

/**
 * Told by its name, not `instanceof`: importing the domain's class would load the whole
 * timeline library before any command runs, and `storyline --help` must stay fast.
 */
function isDomainError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'DomainError' && typeof (error as { code?: unknown }).code === 'string';
}

/** What to print and which code to exit with for any error a command let through. */
export function describeFailure(error: unknown, where?: string): { message: string; exitCode: number } {
  const prefix = where ? `${where}: ` : '';
  if (error instanceof CliError) return { message: `${prefix}${error.message}`, exitCode: error.exitCode };
  if (isDomainError(error)) {
    return { message: `${prefix}${error.message} [${error.code}]`, exitCode: BAD_INPUT.has(error.code) ? EXIT.badInput : EXIT.failed };
  }
  if (isStorageUnavailable(error)) {
    return { message: `${prefix}the database is unreachable (${detailOf(error)}); is PostgreSQL (or the \`storyline serve\` that runs it) still up?`, exitCode: EXIT.failed };
  }
  return { message: `${prefix}unexpected error: ${detailOf(error)}`, exitCode: EXIT.internal };
}

/** Some errors (a refused connection's AggregateError) carry no message: say what they are instead. */
function detailOf(error: unknown): string {
  if (error === undefined || error === null) return 'it stopped without saying why';
  if (!(error instanceof Error)) return String(error);
  if (error.message) return error.message;
  const { code, errors } = error as { code?: string; errors?: unknown[] };
  const inner = errors?.find((each): each is Error => each instanceof Error && Boolean(each.message));
  return inner?.message ?? code ?? error.name;
}

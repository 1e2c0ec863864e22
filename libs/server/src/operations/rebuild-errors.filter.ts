import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { RebuildAlreadyRunningError, UnknownProjectionError, UnknownRebuildError } from '@storyline/projections';
import type { Response } from 'express';

type RebuildRefusal = UnknownProjectionError | UnknownRebuildError | RebuildAlreadyRunningError;

/**
 * The rebuild refusals as `{error: {code, message, field?}}`: 404 for an unknown projection
 * or rebuild, 409 for a second rebuild of a projection.
 */
@Catch(UnknownProjectionError, UnknownRebuildError, RebuildAlreadyRunningError)
export class RebuildErrorsFilter implements ExceptionFilter {
  catch(error: RebuildRefusal, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof RebuildAlreadyRunningError) {
      response.status(409).json({ error: { code: error.code, message: error.message, ...(error.rebuildId ? { rebuildId: error.rebuildId } : {}) } });
      return;
    }
    const field = error instanceof UnknownProjectionError ? 'name' : 'id';
    response.status(404).json({ error: { code: error.code, message: error.message, field } });
  }
}

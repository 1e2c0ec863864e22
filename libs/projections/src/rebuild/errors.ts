/** A rebuild was asked for a projection that does not exist. */
export class UnknownProjectionError extends Error {
  readonly code = 'PROJECTION.NOT_FOUND';

  constructor(
    readonly projection: string,
    readonly known: readonly string[],
  ) {
    super(`no projection is named "${projection}"; known projections: ${known.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

/** Another rebuild of the same projection is running, in this process or another one. */
export class RebuildAlreadyRunningError extends Error {
  readonly code = 'PROJECTION.REBUILD_RUNNING';

  constructor(
    readonly projection: string,
    readonly rebuildId: string | null,
  ) {
    super(`a rebuild of ${projection} is already running${rebuildId ? ` (${rebuildId})` : ' in another process'}`);
    this.name = 'RebuildAlreadyRunningError';
  }
}

/** The rebuild was cancelled (its host is shutting down); the live tables are untouched. */
export class RebuildCancelledError extends Error {
  constructor() {
    super('the rebuild was cancelled; the live tables are untouched');
    this.name = 'RebuildCancelledError';
  }
}

/** No rebuild with this id ran in this process (ids are shadow schema names). */
export class UnknownRebuildError extends Error {
  readonly code = 'REBUILD.NOT_FOUND';

  constructor(readonly rebuildId: string) {
    super(`no rebuild ${rebuildId} ran in this process`);
    this.name = 'UnknownRebuildError';
  }
}

export { Rebuilds, type RebuildsOptions } from './rebuilds';
export { Rebuild, DEFAULT_REBUILD_TUNING, type RebuildOptions, type RebuildTuning } from './rebuild';
export { RebuildProgress, type RebuildSnapshot, type RebuildState } from './rebuild-progress';
export { RebuildAlreadyRunningError, RebuildCancelledError, UnknownProjectionError, UnknownRebuildError } from './errors';
export { listShadowSchemas } from './shadow-schema';

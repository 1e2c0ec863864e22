import { ConfigError } from '@storyline/database';

/**
 * Where the projector runs for an API process: `inline` (the default) in the process
 * itself, as one candidate for leadership; `external` in `apps/projector` processes only,
 * the API then waiting for read-your-writes by polling the checkpoints.
 */
export type ProjectorMode = 'inline' | 'external';

/** STORYLINE_PROJECTOR, checked at start-up. */
export function projectorModeFrom(env: NodeJS.ProcessEnv = process.env): ProjectorMode {
  const raw = env.STORYLINE_PROJECTOR;
  if (raw === undefined || raw === '') return 'inline';
  if (raw === 'inline' || raw === 'external') return raw;
  throw new ConfigError('STORYLINE_PROJECTOR', `must be inline or external, got "${raw}"`);
}

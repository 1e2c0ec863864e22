import { Logger, type INestApplication } from '@nestjs/common';
import { API_KEYS, type ApiKeys } from '@storyline/access';
import type { StorylineConfig } from '@storyline/database';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * On a local (embedded) database with no keys and no bootstrap key, nobody could use the
 * API: make one admin key and put its secret in a file only this user can read. It is
 * never printed to the log, which may be kept or shipped elsewhere.
 */
export async function ensureFirstAdminKey(app: INestApplication, config: StorylineConfig): Promise<void> {
  const logger = new Logger('access');
  const keys = app.get<ApiKeys>(API_KEYS);
  if (config.bootstrapKey || (await keys.count()) > 0) return;
  if (config.databaseUrl) {
    logger.warn('no API keys yet: create one with `npm run storyline -- keys create --role admin`, or start with STORYLINE_BOOTSTRAP_KEY');
    return;
  }
  const key = await keys.create('first admin', 'admin', 'system:first-start');
  const file = join(config.dataDir, 'admin-key');
  writeFileSync(file, `${key.secret}\n`, { mode: 0o600 });
  logger.log(`created the first admin key; its secret is in ${file} (use it as "Authorization: Bearer <secret>")`);
}

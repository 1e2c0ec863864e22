import { loadConfig } from '@storyline/database';
import { migrationDataSource } from './storyline-migrations';

/**
 * For TypeORM's CLI (`npm run typeorm -- migration:show -d libs/host/src/data-source.ts`):
 * Storyline's migrations on DATABASE_URL. The embedded server has no fixed address: use
 * `storyline migrate --show` / `--revert` there, which starts or joins it.
 */
const url = loadConfig().databaseUrl;
if (!url) throw new Error('set DATABASE_URL to use TypeORM\'s CLI on Storyline\'s migrations (for the embedded server: storyline migrate --show)');

export const storylineDataSource = migrationDataSource(url);

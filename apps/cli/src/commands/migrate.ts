import { loadConfig, openDatabase, withMigrationLock } from '@storyline/database';
import { migrationDataSource, prepareDatabase } from '@storyline/host';
import { MigrationExecutor } from 'typeorm';
import { CliError, EXIT } from '../cli-error';

export type MigrateMode = 'apply' | 'show' | 'revert';

export interface MigrationState {
  readonly name: string;
  readonly applied: boolean;
}

export type MigrateAnswer =
  | { readonly mode: 'apply'; readonly applied: readonly string[] }
  | { readonly mode: 'show'; readonly migrations: readonly MigrationState[] }
  | { readonly mode: 'revert'; readonly reverted: string };

async function states(url: string): Promise<MigrationState[]> {
  const dataSource = await migrationDataSource(url).initialize();
  try {
    const executor = new MigrationExecutor(dataSource);
    const [executed, pending] = await Promise.all([executor.getExecutedMigrations(), executor.getPendingMigrations()]);
    const done = [...executed].sort((a, b) => a.timestamp - b.timestamp).map((migration) => ({ name: migration.name, applied: true }));
    return [...done, ...pending.map((migration) => ({ name: migration.name, applied: false }))];
  } finally {
    await dataSource.destroy();
  }
}

/** Undoes the newest applied migration (its `down`: what it created is dropped), under the migration lock. */
async function revertLast(url: string): Promise<string> {
  return withMigrationLock(url, async () => {
    const last = (await states(url)).filter((state) => state.applied).at(-1);
    if (!last) throw new CliError('no migration has been applied; nothing to revert', EXIT.failed);
    const dataSource = await migrationDataSource(url).initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return last.name;
  });
}

/** `storyline migrate`: apply what is pending (as every start does), list, or revert the newest. */
export async function migrate(mode: MigrateMode): Promise<MigrateAnswer> {
  const database = await openDatabase(loadConfig());
  try {
    if (mode === 'show') return { mode, migrations: await states(database.url) };
    if (mode === 'revert') return { mode, reverted: await revertLast(database.url) };
    return { mode, applied: await prepareDatabase(database.url) };
  } finally {
    await database.close();
  }
}

export function formatMigrate(answer: MigrateAnswer): string {
  switch (answer.mode) {
    case 'apply':
      return answer.applied.length === 0 ? 'the schema is up to date' : answer.applied.map((name) => `applied ${name}`).join('\n');
    case 'show':
      return answer.migrations.map((state) => `${state.applied ? '[X]' : '[ ]'} ${state.name}`).join('\n');
    case 'revert':
      return `reverted ${answer.reverted}`;
  }
}

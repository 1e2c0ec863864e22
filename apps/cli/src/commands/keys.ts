import { ApiKeys, ROLES, type Role } from '@storyline/access';
import { loadConfig, openDatabase } from '@storyline/database';
import { prepareDatabase } from '@storyline/host';
import { invalid, isUuid } from '@storyline/story-events';
import { userInfo } from 'node:os';
import { Pool } from 'pg';
import { CliError, EXIT } from '../cli-error';

/** Key management talks to the database directly: whoever can reach it is trusted to. */
async function withKeys<T>(work: (keys: ApiKeys) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    await prepareDatabase(database.url);
    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      return await work(new ApiKeys(pool));
    } finally {
      await pool.end();
    }
  } finally {
    await database.close();
  }
}

export interface CreatedKey {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly secret: string;
}

export function createKey(role: string, name: string | undefined): Promise<CreatedKey> {
  if (!(ROLES as readonly string[]).includes(role)) throw invalid('--role', `must be one of ${ROLES.join(', ')}, got "${role}"`);
  return withKeys(async (keys) => {
    const key = await keys.create(name ?? `${role} key`, role as Role, `cli:${userInfo().username}`);
    return { id: key.id, name: key.name, role: key.role, secret: key.secret };
  });
}

export function formatCreatedKey(key: CreatedKey): string {
  return [`created ${key.role} key "${key.name}" (${key.id})`, `secret (shown once, store it now): ${key.secret}`].join('\n');
}

export type ListedKeys = Awaited<ReturnType<ApiKeys['list']>>;

export function listKeys(): Promise<ListedKeys> {
  return withKeys((keys) => keys.list());
}

export function formatKeys(all: ListedKeys): string {
  if (all.length === 0) return 'no keys yet: storyline keys create --role admin';
  return all.map((key) => `${key.id}  ${key.role.padEnd(8)} ${key.revokedAt ? 'revoked ' : 'active  '} ${key.name}`).join('\n');
}

export function revokeKey(id: string): Promise<{ id: string; revoked: true }> {
  if (!isUuid(id)) throw invalid('id', `must be a key id, got "${id}"`);
  return withKeys(async (keys) => {
    if (!(await keys.revoke(id))) throw new CliError(`no key has the id ${id}`, EXIT.failed);
    return { id, revoked: true };
  });
}

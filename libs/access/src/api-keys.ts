import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { ROLES, type Role } from './roles';

/** Who a request is, once its key checked out. */
export interface Principal {
  /** `key:<id>` (or `key:bootstrap`): what events record as their actor. */
  readonly actor: string;
  readonly name: string;
  readonly role: Role;
}

export interface ApiKeySummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeySummary {
  /** Shown once, to whoever created the key; only its hash is stored. */
  readonly secret: string;
}

const PREFIX = 'sl_';
export const sha256 = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A new secret: 32 random bytes. High entropy is why a plain SHA-256 is a safe way to store it. */
export const newSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a), 'hex');
  const right = Buffer.from(sha256(b), 'hex');
  return timingSafeEqual(left, right);
}

interface Row {
  id: string;
  name: string;
  role: Role;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
}

const summary = (row: Row): ApiKeySummary => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** API keys in PostgreSQL, plus the bootstrap key from the environment (never stored). */
export class ApiKeys {
  constructor(
    private readonly pool: Pool,
    private readonly bootstrapSecret: string | null = null,
  ) {}

  async authenticate(secret: string): Promise<Principal | null> {
    if (this.bootstrapSecret !== null && sameSecret(secret, this.bootstrapSecret)) {
      return { actor: 'key:bootstrap', name: 'bootstrap admin', role: 'admin' };
    }
    if (!secret.startsWith(PREFIX) || secret.length > 200) return null;
    const { rows } = await this.pool.query<Row>('SELECT * FROM api_keys WHERE secret_sha256 = $1 AND revoked_at IS NULL', [sha256(secret)]);
    const row = rows[0];
    return row ? { actor: `key:${row.id}`, name: row.name, role: row.role } : null;
  }

  async create(name: string, role: Role, createdBy: string): Promise<CreatedApiKey> {
    if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
    const secret = newSecret();
    const { rows } = await this.pool.query<Row>(
      'INSERT INTO api_keys (id, name, role, secret_sha256, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [randomUUID(), name, role, sha256(secret), createdBy],
    );
    return { ...summary(rows[0]), secret };
  }

  async list(): Promise<ApiKeySummary[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(summary);
  }

  /** Revokes a key; false when there is no such key. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
    return rows[0].n;
  }
}

export const API_KEYS = Symbol('API_KEYS');

import { ROLES, type Role } from '@storyline/access';
import { read } from '@storyline/story-events';

/** `POST /keys`'s body, checked with the API's messages (http/schema.ts documents the same rules). */
export function parseCreateKey(body: unknown): { name: string; role: Role } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['name', 'role'], '');
  const name = read.text(input.name, 'name', { max: 100 }).trim();
  const role = read.oneOf(input.role, 'role', ROLES);
  return { name, role };
}

import { SetMetadata } from '@nestjs/common';

/**
 * Who may do what. Each role includes the ones before it in this order, except that an
 * auditor reads everything (including metadata and audit routes) but writes nothing.
 */
export type Role = 'reader' | 'editor' | 'auditor' | 'admin';
export const ROLES: readonly Role[] = ['reader', 'editor', 'auditor', 'admin'];

const GRANTS: Record<Role, readonly Role[]> = {
  reader: ['reader'],
  editor: ['reader', 'editor'],
  auditor: ['reader', 'auditor'],
  admin: ['reader', 'editor', 'auditor', 'admin'],
};

/** True when a key with role `held` may use a route that requires `needed`. */
export function grants(held: Role, needed: Role): boolean {
  return GRANTS[held].includes(needed);
}

export const REQUIRED_ROLE = 'storyline:required-role';

/** The role a route needs. Routes without it: GET needs reader, any other method editor. */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

/** Routes anyone may call without a key: health, metrics, the API docs. */
export const PUBLIC_ROUTE = 'storyline:public-route';
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

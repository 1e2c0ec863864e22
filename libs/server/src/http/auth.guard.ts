import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_OPTIONS, API_KEYS, grants, PUBLIC_ROUTE, REQUIRED_ROLE, WriteRateLimiter, type AccessOptions, type ApiKeys, type Principal, type Role } from '@storyline/access';
import { DomainError } from '@storyline/story-events';
import type { Request, Response } from 'express';

export type AuthenticatedRequest = Request & { actor?: string; actorName?: string; role?: Role };

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every route needs a key (`Authorization: Bearer <key>`) with the role it names, or by
 * default reader for reads and editor for writes; routes marked public need none. Writes
 * are rate-limited per key. The secret is never logged or stored, only its hash.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKeys,
    @Inject(ACCESS_OPTIONS) private readonly options: AccessOptions,
    private readonly limiter: WriteRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const isRead = READ_METHODS.has(request.method);
    const needed = this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? (isRead ? 'reader' : 'editor');
    const principal = await this.principal(request, response, needed);
    if (!grants(principal.role, needed)) {
      throw new DomainError('AUTH.FORBIDDEN', `this needs a key with the ${needed} role; this key is a ${principal.role} key`, 'Authorization');
    }
    Object.assign(request, { actor: principal.actor, actorName: principal.name, role: principal.role });
    if (!isRead) await this.limitWrites(principal, response);
    return true;
  }

  private async principal(request: Request, response: Response, needed: Role): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined) {
      if (needed === 'reader' && this.options.anonymousReads) return { actor: 'anonymous', name: 'anonymous reader', role: 'reader' };
      response.setHeader('WWW-Authenticate', 'Bearer realm="storyline"');
      throw new DomainError('AUTH.MISSING', 'send an API key as "Authorization: Bearer <key>"', 'Authorization');
    }
    const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
    const principal = match ? await this.keys.authenticate(match[1]) : null;
    if (!principal) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="storyline", error="invalid_token"');
      throw new DomainError('AUTH.INVALID', 'the API key is not valid (unknown, revoked or malformed)', 'Authorization');
    }
    return principal;
  }

  /** Refuses a write when the key's budget (shared by every instance) is spent; only accepted writes spend it. */
  private async limitWrites(principal: Principal, response: Response): Promise<void> {
    const wait = await this.limiter.check(principal.actor);
    if (wait === null) {
      response.once('finish', () => {
        if (response.statusCode < 400) this.limiter.spend(principal.actor).catch(() => undefined);
      });
      return;
    }
    response.setHeader('Retry-After', String(wait));
    throw new DomainError('RATE.LIMITED', `too many writes with this key; try again in ${wait} s`);
  }
}

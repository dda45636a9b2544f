import { CanActivate, ExecutionContext, Injectable, NotFoundException, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@rj/shared/contracts';
import { safeReturnPath } from '../platform/session-timeouts';

const PUBLIC = 'console:public';
const ROLES = 'console:roles';

/** A page anyone may open without signing in (sign-in itself, error pages). */
export const PublicPage = () => SetMetadata(PUBLIC, true);

/** The roles a page is for; anyone else gets the not-found page, as for a foreign object. */
export const ForRoles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Thrown when the page needs someone signed in (or a fresh token): the filter redirects. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('Sign in to continue.');
  }
}

// Renew through the identity provider a little before the services would refuse the token.
const TOKEN_MARGIN_MS = 15_000;

@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const user = req.session?.user;
    if (!user || user.accessTokenExpiresAt - TOKEN_MARGIN_MS <= Date.now()) {
      throw new SignInRequired(safeReturnPath(req.method === 'GET' ? req.originalUrl : '/'));
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new NotFoundException();
    return true;
  }
}

import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@rj/shared/contracts';
import { ROLES_KEY } from './auth.constants';
import { principalOf } from './decorators/current-principal.decorator';

/**
 * Global guard after JwtAuthGuard: a role the route does not list gets 403 (api.md: a role
 * that may never do it). Routes without `@Roles` accept any authenticated caller.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    const principal = principalOf(context.switchToHttp().getRequest<object>());
    if (principal && allowed.includes(principal.role)) return true;
    throw new ForbiddenException(principal ? `The role "${principal.role}" may not do this.` : 'A role is required.');
  }
}

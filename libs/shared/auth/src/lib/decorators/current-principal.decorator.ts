import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../principal';

/** The request property JwtAuthGuard stores the verified principal in. */
export const PRINCIPAL_REQUEST_KEY = 'principal';

export function principalOf(request: object): Principal | undefined {
  return (request as Record<string, Principal | undefined>)[PRINCIPAL_REQUEST_KEY];
}

/** Injects the verified caller; undefined only on `@Public()` routes. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal | undefined =>
  principalOf(ctx.switchToHttp().getRequest<object>()),
);

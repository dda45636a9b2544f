import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from './auth.constants';
import { PRINCIPAL_REQUEST_KEY } from './decorators/current-principal.decorator';
import { AuthenticationFailed, TokenVerifier } from './token-verifier';

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  [PRINCIPAL_REQUEST_KEY]?: unknown;
}

/**
 * Global guard (APP_GUARD): every route needs a valid bearer token unless marked `@Public()`.
 * Closed by default, so a controller someone forgets to annotate is not open to the world.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<HttpRequestLike>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('A bearer token is required.');
    try {
      request[PRINCIPAL_REQUEST_KEY] = await this.verifier.verify(token);
      return true;
    } catch (error) {
      if (error instanceof AuthenticationFailed) throw new UnauthorizedException(error.message);
      throw error;
    }
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}

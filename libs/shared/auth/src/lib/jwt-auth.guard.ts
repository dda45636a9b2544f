import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FAILED_AUTH_LIMITER, IS_PUBLIC_KEY } from './auth.constants';
import { PRINCIPAL_REQUEST_KEY } from './decorators/current-principal.decorator';
import type { FailedAuthLimiter, LimitState } from './failed-auth-limiter';
import { AuthenticationFailed, TokenVerifier } from './token-verifier';

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
  [PRINCIPAL_REQUEST_KEY]?: unknown;
}

interface HttpResponseLike {
  setHeader(name: string, value: string | number): unknown;
}

/**
 * Global guard (APP_GUARD): every route needs a valid bearer token unless marked `@Public()`.
 * Closed by default, so a controller someone forgets to annotate is not open to the world.
 * A client that keeps failing authentication gets 429 instead of 401 once it passed the
 * limit of its window (FailedAuthLimiter), with Retry-After and RateLimit headers.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(FAILED_AUTH_LIMITER) private readonly limiter: FailedAuthLimiter | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<HttpRequestLike>();
    const token = bearerToken(request.headers.authorization);
    try {
      if (!token) throw new AuthenticationFailed('A bearer token is required.');
      request[PRINCIPAL_REQUEST_KEY] = await this.verifier.verify(token);
      return true;
    } catch (error) {
      if (!(error instanceof AuthenticationFailed)) throw error;
      // Only failures are counted, so a valid token costs no Redis round trip.
      const state = await this.limiter?.recordFailure(clientAddress(request));
      if (state) {
        const response = context.switchToHttp().getResponse<HttpResponseLike>();
        setLimitHeaders(response, state);
        if (state.exceeded)
          throw new HttpException(
            `Too many failed authentication attempts from this client; try again in ${state.resetSeconds} s.`,
            HttpStatus.TOO_MANY_REQUESTS,
          );
      }
      throw new UnauthorizedException(error.message);
    }
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}

/**
 * The peer address (Express's `req.ip`, which honours `trust proxy` when the app sets it), an
 * IPv4 client seen through a dual-stack socket (`::ffff:10.0.0.7`) counted as itself.
 */
function clientAddress(request: HttpRequestLike): string {
  const address = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

/** The IETF RateLimit header fields, and Retry-After once the client must wait. */
function setLimitHeaders(response: HttpResponseLike, state: LimitState): void {
  response.setHeader('RateLimit-Limit', state.limit);
  response.setHeader('RateLimit-Remaining', state.remaining);
  response.setHeader('RateLimit-Reset', state.resetSeconds);
  if (state.exceeded) response.setHeader('Retry-After', state.resetSeconds);
}

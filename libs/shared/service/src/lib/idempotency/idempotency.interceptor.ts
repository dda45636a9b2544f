import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { principalOf } from '@rj/shared/auth';
import { ValidationProblem } from '../errors/problem.exception';
import {
  IDEMPOTENCY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyScope,
  isValidIdempotencyKey,
  requestDigest,
} from './idempotency-rules';
import { IdempotencyStore, type IdempotentRequest } from './idempotency-store';

const SECRET_IN_ANSWER = 'rj:idempotency:secret-in-answer';
/** Marks the operation in OpenAPI too, so its document offers no Idempotency-Key there. */
export const SECRET_IN_ANSWER_EXTENSION = 'x-secret-in-answer';

/**
 * On a route whose answer holds a secret shown once (a webhook's signing secret): the answer
 * must never be stored, so the interceptor passes the request through and Idempotency-Key is
 * not honoured there (a repeat makes another endpoint, with a secret of its own).
 */
export const SecretInAnswer = (): MethodDecorator =>
  applyDecorators(SetMetadata(SECRET_IN_ANSWER, true), ApiExtension(SECRET_IN_ANSWER_EXTENSION, true));

/** One in this many claims also sweeps expired keys away (cheap: an indexed delete). */
const PURGE_EVERY = 500;

/**
 * Makes every `POST` of the controllers it covers honour `Idempotency-Key`, so controllers
 * stay thin and a create added later is covered without anyone remembering to. Register it
 * once per service (APP_INTERCEPTOR); requests without the header, other methods and public
 * routes pass through untouched. Interceptors run after the guards, so the caller is known
 * and a refused caller never claims a key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly store: IdempotencyStore;
  private claims = 0;

  constructor(dataSource: DataSource) {
    this.store = new IdempotencyStore(dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    const principal = principalOf(request);
    if (request.method !== 'POST' || header === undefined || !principal) return next.handle();
    if (Reflect.getMetadata(SECRET_IN_ANSWER, context.getHandler())) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!isValidIdempotencyKey(key))
      throw new ValidationProblem([{ field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or ._:-' }]);
    const claim: IdempotentRequest = {
      scope: idempotencyScope(principal),
      key,
      requestHash: requestDigest(request.method, request.originalUrl.split('?')[0], request.body),
    };
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    return from(this.run(claim, status, http.getResponse<Response>(), next));
  }

  private async run(claim: IdempotentRequest, status: number, response: Response, next: CallHandler): Promise<unknown> {
    if (++this.claims % PURGE_EVERY === 0) void this.store.purgeExpired().catch(() => undefined);
    const first = await this.store.claim(claim);
    if (first) {
      response.status(first.status);
      response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return first.body;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.store.release(claim).catch(() => undefined);
      throw error;
    }
    // JSON round trip: what the client received, not the class instance the handler returned.
    // The create committed: its 2xx stands even if the answer cannot be stored (a repeat then waits for the claim to be abandoned).
    await this.store
      .record(claim, { status, body: body === undefined ? null : JSON.parse(JSON.stringify(body)) })
      .catch(() => undefined);
    return body;
  }
}

import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { describeError } from '../logging/safe-error';
import { toProblem } from './to-problem';

interface RequestLike {
  originalUrl?: string;
  url?: string;
  correlationId?: string;
}

interface ResponseLike {
  headersSent: boolean;
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * The one exception filter (conventions.md): HTTP errors, validation, domain errors, body
 * parser refusals and the unexpected all leave as application/problem+json (RFC 9457).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { problem, unexpected } = toProblem(exception);
    // The error goes through the logger's `err` serializer (code, message, stack; never a
    // query's parameters); the line's message is said here, or pino would copy the raw one.
    if (unexpected)
      this.logger.error(
        { err: exception instanceof Error ? exception : new Error(String(exception)) },
        `unexpected ${describeError(exception)}`,
      );
    if (host.getType() !== 'http') return;
    const request = host.switchToHttp().getRequest<RequestLike>();
    const response = host.switchToHttp().getResponse<ResponseLike>();
    if (response.headersSent) return;
    const body = {
      ...problem,
      instance: (request.originalUrl ?? request.url ?? '').split('?')[0],
      ...(request.correlationId ? { correlationId: request.correlationId } : {}),
    };
    response.statusCode = problem.status;
    response.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
    // RFC 6750 §3: a 401 names the scheme the client should authenticate with.
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.end(JSON.stringify(body));
  }
}

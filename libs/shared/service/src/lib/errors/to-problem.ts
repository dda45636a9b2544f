import { HttpException } from '@nestjs/common';
import { DomainError, InvalidInput } from '@rj/shared/contracts';
import { STATUS_CODES } from 'node:http';
import { ProblemException, type ProblemBody } from './problem.exception';

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const titleOf = (status: number): string => STATUS_CODES[status] ?? 'Error';

/** What the caller sees for an error we did not expect; the error itself goes to the log. */
export const UNEXPECTED_DETAIL =
  'An unexpected error occurred. It has been logged; quote the correlation id when reporting it.';

/**
 * Maps anything thrown during a request to a problem document. Returns `unexpected: true`
 * for errors whose message must not reach the caller (they may hold SQL, paths, secrets).
 */
export function toProblem(exception: unknown): { problem: ProblemBody; unexpected: boolean } {
  if (exception instanceof ProblemException) return { problem: { ...exception.problem }, unexpected: false };
  if (exception instanceof DomainError) return { problem: fromDomainError(exception), unexpected: false };
  if (exception instanceof HttpException)
    return { problem: fromHttpException(exception), unexpected: exception.getStatus() >= 500 };
  const clientError = fromHttpError(exception);
  if (clientError) return { problem: clientError, unexpected: false };
  return {
    problem: { type: 'about:blank', title: titleOf(500), status: 500, detail: UNEXPECTED_DETAIL },
    unexpected: true,
  };
}

function fromDomainError(error: DomainError): ProblemBody {
  return {
    ...(error.details ?? {}),
    ...(error instanceof InvalidInput && error.errors.length ? { errors: error.errors } : {}),
    type: `urn:rj:problem:${kebab(error.name)}`,
    title: error.title,
    status: error.status,
    detail: error.message,
  };
}

function fromHttpException(exception: HttpException): ProblemBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  let detail = exception.message;
  if (typeof response === 'string') detail = response;
  else if (response && typeof response === 'object' && 'message' in response) {
    const message = (response as { message: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : String(message);
  }
  // A 5xx HttpException may wrap an internal message; only 4xx details are meant for callers.
  return { type: 'about:blank', title: titleOf(status), status, detail: status >= 500 ? titleOf(status) : detail };
}

/** http-errors from Express and its body parsers: 4xx with `expose` set are the caller's fault. */
function fromHttpError(exception: unknown): ProblemBody | undefined {
  if (!exception || typeof exception !== 'object') return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return undefined;
  return { type: 'about:blank', title: titleOf(status), status, detail: titleOf(status) };
}

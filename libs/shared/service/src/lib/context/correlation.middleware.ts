import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_MAX_LENGTH } from '@rj/shared/contracts';
import { RequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Accept what a caller or an upstream service sent, but not arbitrary text into our logs, and
 * no longer than an event envelope carries. This is the one check: anything else — too long,
 * odd characters — is replaced by a fresh id (never refused: the id is for tracing, and the
 * response header tells the caller which one was used).
 */
const ACCEPTABLE = new RegExp(`^[A-Za-z0-9._:-]{1,${CORRELATION_ID_MAX_LENGTH}}$`);

export function isAcceptableCorrelationId(candidate: string | undefined): candidate is string {
  return candidate !== undefined && ACCEPTABLE.test(candidate);
}

export interface CorrelatedRequest {
  headers: Record<string, string | string[] | undefined>;
  correlationId?: string;
}

interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
  headersSent?: boolean;
}

/** The request's correlation id: already resolved, sent by the caller, or freshly minted. */
export function resolveCorrelationId(req: CorrelatedRequest, res?: HeaderSettable): string {
  if (!req.correlationId) {
    const sent = req.headers[CORRELATION_HEADER];
    const candidate = Array.isArray(sent) ? sent[0] : sent;
    req.correlationId = isAcceptableCorrelationId(candidate) ? candidate : randomUUID();
    if (res && !res.headersSent) res.setHeader(CORRELATION_HEADER, req.correlationId);
  }
  return req.correlationId;
}

/**
 * Express middleware, installed first so even a body the parser rejects is answered with
 * the id: echoes it in the response header and runs the rest of the request inside
 * RequestContext.
 */
export function correlationMiddleware(req: CorrelatedRequest, res: HeaderSettable, next: () => void): void {
  const correlationId = resolveCorrelationId(req, res);
  RequestContext.run({ correlationId }, next);
}

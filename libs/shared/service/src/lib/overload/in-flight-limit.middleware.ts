import { STATUS_CODES } from 'node:http';

interface LimitedRequest {
  path?: string;
  url?: string;
  correlationId?: string;
}

interface LimitedResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

export interface InFlightLimit {
  /** Requests the service works on at once; one more is refused. */
  maxInFlight: number;
  /** What the refusal's Retry-After says, in seconds. */
  retryAfterSeconds: number;
}

/** Health probes are never refused: an overloaded pod is busy, not dead or unready. */
const isProbe = (req: LimitedRequest): boolean => (req.path ?? req.url ?? '').startsWith('/health');

/**
 * Overload protection (issue 15): a bounded number of requests in flight per process, and an
 * immediate 503 with Retry-After beyond it. Without a bound, a burst queues in the database
 * pool until its 5 s acquire timeout fires and every request in the queue answers 500 after
 * seconds; with one, the accepted requests keep their usual latency and the excess learns at
 * once, before its body is read, when to come back. A refused request did nothing, so the
 * client may retry it as it is (with its Idempotency-Key, if it sent one).
 */
export function inFlightLimit({ maxInFlight, retryAfterSeconds }: InFlightLimit) {
  let inFlight = 0;
  return (req: LimitedRequest, res: LimitedResponse, next: () => void): void => {
    if (isProbe(req)) return next();
    if (inFlight >= maxInFlight) return refuse(req, res, retryAfterSeconds);
    inFlight++;
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}

/** Written here, not thrown: the exception filter and the body parser would cost the time this saves. */
function refuse(req: LimitedRequest, res: LimitedResponse, retryAfterSeconds: number): void {
  res.statusCode = 503;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  res.end(
    JSON.stringify({
      type: 'urn:rj:problem:overloaded',
      title: STATUS_CODES[503],
      status: 503,
      detail: `The service is at its limit of requests in flight; nothing was done. Retry after ${retryAfterSeconds} s.`,
      instance: (req.url ?? '').split('?')[0],
      ...(req.correlationId ? { correlationId: req.correlationId } : {}),
    }),
  );
}

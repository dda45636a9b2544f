import { context, SpanStatusCode } from '@opentelemetry/api';
import { contextFrom, SpanKind, startSpan } from './trace-context';

// Probes and scrapes every few seconds would bury the traces that matter (as they would the request log).
const UNTRACED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

interface TracedRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set by Express once a route matched: its template, never the filled-in path. */
  route?: { path?: unknown };
  baseUrl?: string;
}

interface TracedResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * A server span for every request, continuing the caller's trace (W3C traceparent) and active
 * while the request is handled, so the events it writes to the outbox carry it on. Named by
 * method and route template (`POST /api/referrals/:id/withdraw`): ids in the path, a case
 * number in a query string, never reach the span. Without tracing it costs a no-op span.
 */
export function httpTracingMiddleware(req: TracedRequest, res: TracedResponse, next: () => void): void {
  if (UNTRACED_PATHS.has((req.url ?? '').split('?')[0])) return next();
  const method = (req.method ?? 'GET').toUpperCase();
  const { span, context: spanContext } = startSpan(method, {
    kind: SpanKind.SERVER,
    parent: contextFrom(req.headers),
    attributes: { 'http.request.method': method },
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
    if (route) {
      span.updateName(`${method} ${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${res.statusCode}` });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(spanContext, next);
}

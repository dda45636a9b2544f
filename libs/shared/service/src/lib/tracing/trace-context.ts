import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';

/** One tracer for the platform's own spans; the service is told apart by the resource's service.name. */
const TRACER_NAME = '@rj/platform';

/** The W3C trace-context headers: what travels in HTTP requests, outbox rows and Kafka messages. */
export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

export type TraceCarrier = Partial<Record<(typeof TRACE_HEADERS)[number], string>>;

/**
 * The current trace position as W3C headers, to store beside an event in the outbox or to send
 * with a message: empty when tracing is off or nothing is being traced.
 */
export function traceCarrier(from: Context = context.active()): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  const out: TraceCarrier = {};
  for (const name of TRACE_HEADERS) if (carrier[name]) out[name] = carrier[name];
  return out;
}

/** Reads headers of any shape (HTTP's string arrays, Kafka's Buffers) into a context to continue. */
export function contextFrom(headers: Record<string, unknown> | undefined): Context {
  if (!headers) return ROOT_CONTEXT;
  const carrier: Record<string, string> = {};
  for (const name of TRACE_HEADERS) {
    const raw = headers[name];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined && first !== null)
      carrier[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}

export interface SpanOptions {
  kind: SpanKind;
  /** Ids, names and counts only: never personal data (span attributes are exported as they are). */
  attributes?: Attributes;
  /** The context to continue: an incoming message's; the active one when absent. */
  parent?: Context;
}

/**
 * Runs `work` inside a new span, active for everything `work` awaits, and ends it. A failure
 * marks the span as an error with the error's type only: a message can quote a query's input.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  const span = tracer.startSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    options.parent ?? context.active(),
  );
  try {
    return await context.with(trace.setSpan(options.parent ?? context.active(), span), () => work(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** A span the caller ends itself (a request ends when its response does). */
export function startSpan(name: string, options: SpanOptions): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  const span = trace
    .getTracer(TRACER_NAME)
    .startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

export function markFailed(span: Span, error: unknown): void {
  const type = error instanceof Error ? error.name : typeof error;
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  span.setAttribute('error.type', type);
}

/**
 * `fn` bound to the trace position of now, for work that runs later outside it (an action run
 * after the transaction commits): what it enqueues or writes continues this trace.
 */
export function bindToCurrentTrace<F extends (...args: never[]) => unknown>(fn: F): F {
  return context.bind(context.active(), fn);
}

/** The active span's ids for a log line, or nothing: joins logs to traces. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getSpanContext(context.active());
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

export { SpanKind };

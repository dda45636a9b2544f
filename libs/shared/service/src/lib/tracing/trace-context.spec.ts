import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { logLineContext } from '../logging/logger-params';
import { EventEmitter } from 'node:events';
import { httpTracingMiddleware } from './http-tracing.middleware';
import { contextFrom, currentTraceIds, inSpan, SpanKind, traceCarrier } from './trace-context';
import { startTracing, type Tracing } from './tracing';

describe('trace context: W3C headers in and out, ids for log lines', () => {
  it('carries nothing while tracing is off', async () => {
    expect(traceCarrier()).toEqual({});
    await inSpan('off', { kind: SpanKind.INTERNAL }, async () => expect(currentTraceIds()).toBeUndefined());
  });

  describe('with the SDK running', () => {
    const exporter = new InMemorySpanExporter();
    let tracing: Tracing;
    beforeAll(() => {
      tracing = startTracing({ serviceName: 'unit', exporter })!;
    });
    afterAll(() => tracing.shutdown());

    it('is started once per process: a second start leaves it to the first', () => {
      expect(startTracing({ serviceName: 'other', exporter })).toBeUndefined();
    });

    it('continues a trace from Kafka-style Buffer headers and hands it on as traceparent', async () => {
      const incoming = {
        traceparent: Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
        'event-id': Buffer.from('x'),
      };
      const carried = await inSpan(
        'process t',
        { kind: SpanKind.CONSUMER, parent: contextFrom(incoming) },
        async () => {
          expect(currentTraceIds()).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c' });
          return traceCarrier();
        },
      );
      expect(carried.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
      const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'process t');
      expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
      expect(carried.traceparent).toContain(span.spanContext().spanId);
    });

    it('stamps the trace and span ids on every log line written inside a span', async () => {
      const mixin = logLineContext;
      expect(mixin()).toEqual({});
      const ids = await inSpan('logged', { kind: SpanKind.INTERNAL }, async (span) => {
        expect(mixin()).toEqual({ traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });
        return span.spanContext();
      });
      expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    });

    it('names a request span by its route template, continues the caller, and leaves probes and scrapes untraced', () => {
      const serve = (url: string, route?: string) => {
        const res = Object.assign(new EventEmitter(), { statusCode: 200 });
        const req = {
          method: 'post',
          url,
          headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
          route: undefined as { path: string } | undefined,
          baseUrl: '',
        };
        httpTracingMiddleware(req, res, () => {
          req.route = route ? { path: route } : undefined;
        });
        res.emit('finish');
      };
      exporter.reset();
      serve('/health/ready');
      serve('/metrics?x=1');
      serve(
        '/api/referrals/0195f000-0000-7000-8000-000000000001/withdraw?case=PARKET-1',
        '/api/referrals/:id/withdraw',
      );
      const spans = exporter.getFinishedSpans();
      expect(spans.map((span) => span.name)).toEqual(['POST /api/referrals/:id/withdraw']);
      expect(spans[0].spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(JSON.stringify(spans[0].attributes)).not.toMatch(/0195f000|PARKET/);
    });

    it('marks a failed span with the error type only, never its message', async () => {
      await expect(
        inSpan('fails', { kind: SpanKind.INTERNAL }, async () => {
          throw new TypeError('Anna de Vries not found');
        }),
      ).rejects.toThrow(TypeError);
      const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'fails');
      expect(span.status).toEqual({ code: 2, message: 'TypeError' });
      expect(JSON.stringify([span.attributes, span.events])).not.toContain('Anna');
    });
  });
});

import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { tracingSettings, type SamplerSetting } from './tracing-settings';

export interface Tracing {
  /** Exports what is buffered; tests call it before reading an exporter. */
  forceFlush(): Promise<void>;
  /** Flushes and stops; the process no longer traces. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** service.name, unless OTEL_SERVICE_NAME says otherwise. */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /**
   * An exporter of the caller's (tests: the SDK's InMemorySpanExporter), exported span by span
   * so a test sees each one as soon as it ends. Tracing is then on whatever the environment says.
   */
  exporter?: SpanExporter;
}

let active: Tracing | undefined;

/**
 * Installs the OpenTelemetry SDK for the process — a tracer provider, the W3C trace-context
 * propagator and an AsyncLocalStorage context manager — when tracing-settings.ts says tracing
 * is on. Returns the handle to shut it down with, or undefined when tracing is off or was
 * already started (by a test, or another service in the same process): only the starter
 * stops it. Spans are made by hand in the shared HTTP middleware, the outbox relay and the
 * Kafka consumer (no monkey-patching auto-instrumentation), so what a span says is exactly
 * what we decided it may say: ids and names, never personal data.
 */
export function startTracing({ serviceName, env = process.env, exporter }: StartTracingOptions): Tracing | undefined {
  if (active) return undefined;
  const settings = exporter
    ? { enabled: true as const, exporter: 'otlp' as const, sampler: { kind: 'parentbased_always_on' as const } }
    : tracingSettings(env);
  if (!settings.enabled) return undefined;
  const spanExporter =
    exporter ?? (settings.exporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter());
  const processor = exporter
    ? new SimpleSpanProcessor({ exporter: spanExporter })
    : new BatchSpanProcessor({ exporter: spanExporter });
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': serviceName, 'service.namespace': 'rj' }))
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win: an operator's names come last.
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new TracerProvider({ resource, sampler: samplerOf(settings.sampler), spanProcessors: [processor] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const handle: Tracing = {
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      if (active !== handle) return;
      active = undefined;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  active = handle;
  return handle;
}

/** The running tracing, if any (tests flush it). */
export function activeTracing(): Tracing | undefined {
  return active;
}

function samplerOf(setting: SamplerSetting): Sampler {
  switch (setting.kind) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(setting.ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(setting.ratio) });
  }
}

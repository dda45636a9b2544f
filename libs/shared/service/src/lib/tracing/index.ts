export {
  tracingSettings,
  TracingConfigError,
  type TracingSettings,
  type SamplerSetting,
  type TraceExporterKind,
} from './tracing-settings';
export { startTracing, activeTracing, type Tracing, type StartTracingOptions } from './tracing';
export {
  TRACE_HEADERS,
  traceCarrier,
  contextFrom,
  inSpan,
  startSpan,
  markFailed,
  currentTraceIds,
  bindToCurrentTrace,
  SpanKind,
  type TraceCarrier,
  type SpanOptions,
} from './trace-context';
export { httpTracingMiddleware } from './http-tracing.middleware';

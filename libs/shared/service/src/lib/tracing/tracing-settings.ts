/**
 * Whether and how this process traces, from the standard OpenTelemetry variables
 * (docs/operations/tracing.md). Off unless an operator asks: a development machine or a test
 * run has no collector, and an exporter retrying against nothing would only add noise.
 * Tracing is on when OTEL_TRACES_EXPORTER names `otlp` or `console`, or when an OTLP endpoint
 * is set (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and the exporter
 * is not `none`; OTEL_SDK_DISABLED=true turns it off whatever else says.
 */
export type TraceExporterKind = 'otlp' | 'console';

export type SamplerSetting =
  | { kind: 'always_on' | 'always_off' | 'parentbased_always_on' | 'parentbased_always_off' }
  | { kind: 'traceidratio' | 'parentbased_traceidratio'; ratio: number };

export type TracingSettings =
  { enabled: false; reason: string } | { enabled: true; exporter: TraceExporterKind; sampler: SamplerSetting };

const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
/** The OTLP exporter we ship speaks http/protobuf only; asking for another must fail at start, not silently drop spans. */
const SUPPORTED_PROTOCOL = 'http/protobuf';

export class TracingConfigError extends Error {
  override readonly name = 'TracingConfigError';
}

const value = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};

export function tracingSettings(env: NodeJS.ProcessEnv = process.env): TracingSettings {
  if (value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true')
    return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  const exporters = (value(env, 'OTEL_TRACES_EXPORTER') ?? '')
    .toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = exporters.filter((name) => !['otlp', 'console', 'none'].includes(name));
  if (unknown.length)
    throw new TracingConfigError(
      `OTEL_TRACES_EXPORTER: ${unknown.join(', ')} is not supported (otlp, console or none)`,
    );
  if (exporters.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  const endpoint = value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const exporter: TraceExporterKind | undefined = exporters.includes('otlp')
    ? 'otlp'
    : exporters.includes('console')
      ? 'console'
      : endpoint
        ? 'otlp'
        : undefined;
  if (!exporter) return { enabled: false, reason: 'no OTLP endpoint and no OTEL_TRACES_EXPORTER' };
  if (exporter === 'otlp') {
    const protocol =
      value(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ??
      value(env, 'OTEL_EXPORTER_OTLP_PROTOCOL') ??
      SUPPORTED_PROTOCOL;
    if (protocol !== SUPPORTED_PROTOCOL)
      throw new TracingConfigError(
        `OTEL_EXPORTER_OTLP_PROTOCOL: only ${SUPPORTED_PROTOCOL} is supported, not ${protocol}`,
      );
  }
  return { enabled: true, exporter, sampler: samplerSetting(env) };
}

function samplerSetting(env: NodeJS.ProcessEnv): SamplerSetting {
  const kind = (value(env, 'OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on').toLowerCase();
  if (!(SAMPLERS as readonly string[]).includes(kind))
    throw new TracingConfigError(`OTEL_TRACES_SAMPLER: ${kind} is not supported (${SAMPLERS.join(', ')})`);
  if (kind !== 'traceidratio' && kind !== 'parentbased_traceidratio')
    return { kind: kind as Exclude<SamplerSetting['kind'], 'traceidratio' | 'parentbased_traceidratio'> };
  const arg = value(env, 'OTEL_TRACES_SAMPLER_ARG');
  const ratio = arg === undefined ? 1 : Number(arg);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1)
    throw new TracingConfigError(`OTEL_TRACES_SAMPLER_ARG: ${arg} is not a ratio between 0 and 1`);
  return { kind, ratio };
}

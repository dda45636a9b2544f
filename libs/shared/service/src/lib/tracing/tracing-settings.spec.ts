import { tracingSettings, TracingConfigError } from './tracing-settings';

describe('tracingSettings: off unless the OTEL_* variables ask for it', () => {
  it('is off with nothing set (development, tests)', () => {
    expect(tracingSettings({})).toEqual({ enabled: false, reason: 'no OTLP endpoint and no OTEL_TRACES_EXPORTER' });
  });

  it('exports over OTLP once an endpoint is set, sampling with the parent by default', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      sampler: { kind: 'parentbased_always_on' },
    });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toMatchObject({
      enabled: true,
      exporter: 'otlp',
    });
  });

  it('takes the exporter named, and none means off even with an endpoint', () => {
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'console' })).toMatchObject({ enabled: true, exporter: 'console' });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({ enabled: true, exporter: 'otlp' });
    expect(
      tracingSettings({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }),
    ).toMatchObject({ enabled: false });
  });

  it('OTEL_SDK_DISABLED=true wins over everything', () => {
    expect(
      tracingSettings({
        OTEL_SDK_DISABLED: 'true',
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }),
    ).toEqual({ enabled: false, reason: 'OTEL_SDK_DISABLED=true' });
  });

  it('reads the sampler and its ratio', () => {
    expect(
      tracingSettings({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toMatchObject({
      sampler: { kind: 'parentbased_traceidratio', ratio: 0.25 },
    });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'traceidratio' })).toMatchObject({
      sampler: { kind: 'traceidratio', ratio: 1 },
    });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'always_off' })).toMatchObject({
      sampler: { kind: 'always_off' },
    });
  });

  it('refuses at start what it cannot honour, instead of silently dropping spans', () => {
    expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(TracingConfigError);
    expect(() =>
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toThrow(/only http\/protobuf/);
    expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
      /OTEL_TRACES_SAMPLER/,
    );
    expect(() =>
      tracingSettings({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_TRACES_SAMPLER: 'traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '2',
      }),
    ).toThrow(/ratio/);
  });
});

// Config
export { BaseServiceEnv, NODE_ENVS, LOG_LEVELS, type NodeEnv } from './lib/config/base-service-env';
export { validateConfig, loadConfig, type ConfigResult, type Env } from './lib/config/validate-config';
export { DEV_SECRETS } from './lib/config/dev-secrets';
export { EnvBoolean, EnvList, EnvNumber, IsUrlWithProtocol } from './lib/config/env-decorators';
// Bootstrap and module
export { buildOpenApiDocument } from './lib/openapi/document';
export { PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA } from './lib/openapi/problem-responses';
export { bootstrapService, type BootstrapOptions, type RunningService } from './lib/bootstrap/bootstrap-service';
export { SERVICE_TRANSPORT, type ServiceTransport } from './lib/bootstrap/service-transport';
export {
  ServiceCoreModule,
  SERVICE_CONFIG,
  InjectServiceConfig,
  authOptionsFrom,
  type ServiceCoreOptions,
} from './lib/service-core.module';
// Correlation
export { RequestContext, currentCorrelationId, type RequestContextValue } from './lib/context/request-context';
export { CORRELATION_HEADER } from './lib/context/correlation.middleware';
export { requestCause, type Cause } from './lib/context/request-cause';
export { Clock } from './lib/context/clock';
// Lists: ?limit=&cursor= → { items, nextCursor }
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageLimitQuery,
  PageQuery,
  pageOf,
  pageSizeOf,
  type Page,
} from './lib/paging';
// Catch-up work from Postgres at start-up and on a timer
export { PeriodicSweep } from './lib/schedule/periodic-sweep';
// Logging
export { PERSONAL_DATA_FIELDS } from './lib/logging/personal-data-fields';
export { personalDataRedaction, redactingChildren, withoutPersonalData } from './lib/logging/personal-data-redaction';
export { describeError, safeErrorSerializers, serializeError, type LoggedError } from './lib/logging/safe-error';
// Health
export { READINESS_CHECKS, type ReadinessCheck } from './lib/health/readiness-check';
export {
  postgresCheck,
  redisCheck,
  kafkaCheck,
  POSTGRES_READINESS,
  type KafkaCheckOptions,
} from './lib/health/readiness-checks';
export { ReadinessService, type ReadinessReport } from './lib/health/readiness.service';
// Metrics
export { serviceMetrics, type ServiceMetrics } from './lib/metrics/metrics-registry';
// Errors
export { ProblemException, ValidationProblem, type ProblemBody, type FieldError } from './lib/errors/problem.exception';
export { ProblemDetailsFilter } from './lib/errors/problem-details.filter';
export {
  createValidationPipe,
  flattenValidationErrors,
  precheckBodiesOf,
  type BodyPrecheck,
} from './lib/errors/validation-errors';
// Idempotency-Key on every create
export {
  ABANDONED_CLAIM_MS,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENCY_TTL_MS,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyInterceptor,
  IdempotencyStore,
  SecretInAnswer,
  canonicalJson,
  idempotencyScope,
  isValidIdempotencyKey,
  requestDigest,
  type FirstAnswer,
  type IdempotentRequest,
} from './lib/idempotency';
export { kafkaSecurity, type KafkaSecurity } from './lib/config/kafka-security';
// Tracing (OpenTelemetry, off unless OTEL_* asks: docs/operations/tracing.md)
export {
  SpanKind,
  TRACE_HEADERS,
  TracingConfigError,
  activeTracing,
  bindToCurrentTrace,
  contextFrom,
  currentTraceIds,
  httpTracingMiddleware,
  inSpan,
  markFailed,
  startSpan,
  startTracing,
  traceCarrier,
  tracingSettings,
  type SamplerSetting,
  type SpanOptions,
  type StartTracingOptions,
  type TraceCarrier,
  type TraceExporterKind,
  type Tracing,
  type TracingSettings,
} from './lib/tracing';

// Config
export { BaseServiceEnv, NODE_ENVS, LOG_LEVELS, type NodeEnv } from './lib/config/base-service-env';
export { validateConfig, loadConfig, type ConfigResult, type Env } from './lib/config/validate-config';
export { DEV_SECRETS } from './lib/config/dev-secrets';
export { EnvBoolean, EnvList, EnvNumber, IsUrlWithProtocol } from './lib/config/env-decorators';
// Bootstrap and module
export { bootstrapService, type BootstrapOptions, type RunningService } from './lib/bootstrap/bootstrap-service';
export { ServiceCoreModule, SERVICE_CONFIG, InjectServiceConfig, authOptionsFrom, type ServiceCoreOptions } from './lib/service-core.module';
// Correlation
export { RequestContext, currentCorrelationId, type RequestContextValue } from './lib/context/request-context';
export { CORRELATION_HEADER } from './lib/context/correlation.middleware';
// Logging
export { REDACT_PATHS, PERSONAL_DATA_FIELDS } from './lib/logging/redact-paths';
// Health
export { READINESS_CHECKS, type ReadinessCheck } from './lib/health/readiness-check';
export { postgresCheck, redisCheck, kafkaCheck, type KafkaCheckOptions } from './lib/health/readiness-checks';
export { ReadinessService, type ReadinessReport } from './lib/health/readiness.service';
// Metrics
export { serviceMetrics, type ServiceMetrics } from './lib/metrics/metrics-registry';
// Errors
export { ProblemException, ValidationProblem, type ProblemBody, type FieldError } from './lib/errors/problem.exception';
export { ProblemDetailsFilter } from './lib/errors/problem-details.filter';
export { createValidationPipe, flattenValidationErrors } from './lib/errors/validation-errors';

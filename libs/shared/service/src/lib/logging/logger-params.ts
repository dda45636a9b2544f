import type { Params } from 'nestjs-pino';
import { pino, type DestinationStream } from 'pino';
import { currentCorrelationId } from '../context/request-context';
import { currentTraceIds } from '../tracing/trace-context';
import { resolveCorrelationId, type CorrelatedRequest } from '../context/correlation.middleware';
import { personalDataRedaction, redactingChildren } from './personal-data-redaction';
import { serializeRequest, serializeResponse } from './request-log';
import { safeErrorSerializers } from './safe-error';

export interface LoggerSettings {
  name: string;
  level: string;
  /** Where JSON lines go; stdout when absent. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

// Probes and scrapes every few seconds would drown the request log.
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * What every line carries besides its own fields: the correlation id of the work it belongs
 * to and, when tracing, the trace and span it happened in, so that a log line leads to its trace.
 */
export function logLineContext(): Record<string, string> {
  const correlationId = currentCorrelationId();
  return { ...(correlationId ? { correlationId } : {}), ...currentTraceIds() };
}

/** nestjs-pino parameters shared by every app: JSON lines, redaction, correlation ids. */
export function loggerParams({ name, level, destination }: LoggerSettings): Params {
  const rootOptions = { level, base: { service: name }, ...personalDataRedaction, mixin: logLineContext };
  // The root logger is made here, not by pino-http, so that its children redact their bindings too.
  const logger = redactingChildren(destination ? pino(rootOptions, destination) : pino(rootOptions));
  const options = {
    logger,
    // Errors are logged by type, code and message: never a query's parameters (safe-error.ts).
    // A request is its correlation id, method, URL and peer; a response its status: no headers
    // (request-log.ts, which says why this matters for CPU as much as for privacy).
    serializers: { ...safeErrorSerializers, req: serializeRequest, res: serializeResponse },
    genReqId: (req: CorrelatedRequest, res: { setHeader(name: string, value: string): unknown }) =>
      resolveCorrelationId(req, res),
    customLogLevel: (_req: unknown, res: { statusCode: number }, error?: Error) =>
      error || res.statusCode >= 500
        ? ('error' as const)
        : res.statusCode >= 400
          ? ('warn' as const)
          : ('info' as const),
    autoLogging: { ignore: (req: { url?: string }) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
  };
  return { pinoHttp: options as Params['pinoHttp'] };
}

import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { keyStoreMetrics } from '@rj/shared/pii';

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

let metrics: ServiceMetrics | undefined;

/**
 * One registry per process: the public and the internal app of a service share it (prom-client
 * refuses to register a metric twice, and default metrics describe the process, not an app).
 * Other libs register their own metrics here too (outbox lag, consumer errors).
 */
export function serviceMetrics(): ServiceMetrics {
  if (!metrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    // Libs below this one cannot import it: their metrics are adopted here.
    for (const metric of keyStoreMetrics) registry.registerMetric(metric);
    metrics = { registry, httpDuration };
  }
  return metrics;
}

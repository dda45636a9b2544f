import type { ScopedFacts } from './metric-filter';

/**
 * One published metric: its id in the figures, its written definition (copied verbatim into
 * docs/metrics.md — a unit test keeps the two identical) and the pure function computing it.
 */
export interface MetricDefinition<R = unknown, Id extends string = string> {
  id: Id;
  title: string;
  definition: string;
  compute(scope: ScopedFacts): R;
}

export function defineMetric<const Id extends string, R>(metric: MetricDefinition<R, Id>): MetricDefinition<R, Id> {
  return metric;
}

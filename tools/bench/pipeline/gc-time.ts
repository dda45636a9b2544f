import { scrapeMetrics } from './event-loop';

/**
 * Seconds each service's main thread spent collecting garbage, from its own /metrics
 * (prom-client's `nodejs_gc_duration_seconds`, cumulative, summed over the kinds of collection):
 * read before and after the run, the difference is the price of the heap's flags, to weigh
 * against the memory they save. Steadier than CPU time, which follows the whole machine's load.
 */
export async function gcSeconds(internalUrl: string): Promise<number> {
  try {
    const text = await scrapeMetrics(internalUrl);
    return [...text.matchAll(/^nodejs_gc_duration_seconds_sum\{[^}]*\} ([0-9.e+-]+)$/gm)].reduce(
      (sum, [, seconds]) => sum + Number(seconds),
      0,
    );
  } catch {
    return NaN;
  }
}

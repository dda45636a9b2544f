/**
 * Each service's event-loop delay while the load ran, read from its own /metrics (prom-client's
 * `nodejs_eventloop_lag_*`, whose histogram restarts at every scrape): scrape once before the
 * load to start afresh, once after it to read. A request waits for the loop before even a
 * refusal can be written, so this tells a saturated process from a slow database.
 */
export type EventLoopDelay = { p99Ms: number; maxMs: number } | { unavailable: string };

/** A service's /metrics as text (its internal listener). Each scrape restarts the loop's histogram. */
export async function scrapeMetrics(internalUrl: string): Promise<string> {
  const response = await fetch(`${internalUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  return response.text();
}

export async function eventLoopDelay(internalUrl: string): Promise<EventLoopDelay> {
  try {
    const text = await scrapeMetrics(internalUrl);
    const seconds = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
    return {
      p99Ms: Math.round(seconds('nodejs_eventloop_lag_p99_seconds') * 1000),
      maxMs: Math.round(seconds('nodejs_eventloop_lag_max_seconds') * 1000),
    };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

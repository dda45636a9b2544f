/**
 * Waiting for what another service does after an event (Kafka between services): ask the API
 * again until it shows the state the next step needs, with a deadline — never a fixed sleep.
 */
import { SeedError } from './http';

export const DEFAULT_WAIT_MS = 90_000;

/**
 * Calls `attempt` until it returns a value (not `undefined`). `note` records what was last
 * seen, so a timeout says where things stood.
 */
export async function waitFor<T>(
  what: string,
  attempt: (note: (seen: string) => void) => Promise<T | undefined>,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastSeen = 'nothing yet';
  let pause = 100;
  for (;;) {
    const found = await attempt((seen) => (lastSeen = seen));
    if (found !== undefined) return found;
    if (Date.now() + pause > deadline)
      throw new SeedError(
        `gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; last seen: ${lastSeen}`,
      );
    await new Promise((resolve) => setTimeout(resolve, pause));
    // At most a quarter second: an event crosses Kafka in tens of milliseconds, and a longer
    // pause only adds to every wait (the browser tests' stack seeds two dozen referrals).
    pause = Math.min(250, Math.round(pause * 1.5));
  }
}

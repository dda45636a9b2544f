/**
 * HTTP calls that ride out the faults the run causes, as a well-behaved client would: a refused
 * connection, a reset, a 5xx or a 503 while a service restarts is retried until a deadline.
 * A POST whose first attempt may have been applied (the connection died mid-request) is
 * "uncertain": a later 409 then means "already done", and the caller checks the state.
 */
import type { HttpResult } from '@rj/shared/testing';
import type { RunningPlatform, ServiceName } from '../e2e/platform';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that end the call (default: any 2xx). */
  accept?: (status: number) => boolean;
  timeoutMs?: number;
}

export interface CallResult<T = any> extends HttpResult<T> {
  uncertain: boolean;
}

export class CallFailed extends Error {}

export interface Counters {
  /** Calls retried after a refused connection, a reset or a 5xx: proof the faults met traffic. */
  retries: number;
  /** Polls that met a dead or failing service. */
  pollFailures: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function resilient(platform: RunningPlatform, counters: Counters) {
  async function call<T = any>(
    service: ServiceName,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult<T>> {
    const accept = options.accept ?? ((status: number) => status >= 200 && status < 300);
    const deadline = Date.now() + (options.timeoutMs ?? 180_000);
    let uncertain = false;
    let last = '';
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      if (attempt > 0) {
        counters.retries++;
        await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
      }
      let result: HttpResult<T>;
      try {
        result = await platform.request<T>(service, method, path, {
          token: options.token,
          body: options.body,
          headers: options.headers,
        });
      } catch (error) {
        // Refused before it was sent is certain; anything else may have reached the handler.
        if (method !== 'GET' && !/ECONNREFUSED/.test(String((error as { cause?: unknown }).cause ?? error)))
          uncertain = true;
        last = String((error as { cause?: unknown }).cause ?? error);
        continue;
      }
      if (accept(result.status)) return { ...result, uncertain };
      if (result.status >= 500 || result.status === 429) {
        // A 5xx from a dying or starting service may also have been applied.
        if (method !== 'GET') uncertain = true;
        last = `${result.status} ${JSON.stringify(result.body).slice(0, 300)}`;
        continue;
      }
      if (uncertain && result.status === 409) return { ...result, uncertain };
      throw new CallFailed(
        `${method} ${service}${path} → ${result.status} ${JSON.stringify(result.body).slice(0, 500)}`,
      );
    }
    throw new CallFailed(`${method} ${service}${path} gave up: ${last}`);
  }

  /** Polls a GET until `ready(body)` holds (eventual consistency across services). */
  async function until<T = any>(
    service: ServiceName,
    path: string,
    token: string,
    ready: (body: T, status: number) => boolean,
    what: string,
    timeoutMs = 180_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const result = await platform.request<T>(service, 'GET', path, { token });
        last = { status: result.status, body: result.body };
        if (ready(result.body, result.status)) return result.body;
        if (result.status >= 500) counters.pollFailures++;
      } catch (error) {
        counters.pollFailures++;
        last = String(error);
      }
      // Every poll is a request (and some emit access events): not faster than a person would.
      await sleep(400);
    }
    throw new CallFailed(`timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 500)}`);
  }

  return { call, until };
}

export type Resilient = ReturnType<typeof resilient>;

/**
 * The seed's only way into the platform: the services' public HTTP APIs, with the acting
 * person's token. A refused step throws with the service's own explanation (problem+json
 * `detail`), so a rule the seed broke names itself.
 */
import type { ServiceName } from './services';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface CallOptions {
  token: string;
  body?: unknown;
  /** Sent as `Idempotency-Key` where the API honours it: a retried create returns the first result. */
  idempotencyKey?: string;
}

/** A step the platform refused, or an answer the seed did not expect. */
export class SeedError extends Error {
  override name = 'SeedError';
}

/** A service that does not answer at all (not started, wrong URL). */
export class ServiceUnreachable extends SeedError {
  override name = 'ServiceUnreachable';
  constructor(
    readonly service: string,
    readonly url: string,
    cause: unknown,
  ) {
    super(`${service} is not reachable at ${url} (${causeOf(cause)})`);
  }
}

const REQUEST_TIMEOUT_MS = 30_000;
/** Network hiccups worth one more try: the same request again is safe for reads and keyed creates. */
const RETRIES_WHEN_SAFE = 2;

export class ApiClient {
  constructor(readonly urls: Record<ServiceName, string>) {}

  async call<T = unknown>(
    service: ServiceName,
    method: string,
    path: string,
    options: CallOptions,
  ): Promise<ApiAnswer<T>> {
    const url = `${this.urls[service]}${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const retrySafe = method === 'GET' || options.idempotencyKey !== undefined;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        if (retrySafe && attempt < RETRIES_WHEN_SAFE && !isRefused(error)) continue;
        throw new ServiceUnreachable(service, this.urls[service], error);
      }
      const text = await response.text();
      return { status: response.status, body: (text ? parseJson(text) : undefined) as T };
    }
  }

  /** Calls and insists on one of `expected`; anything else throws with what the service said. */
  async expect<T = unknown>(
    what: string,
    expected: number | number[],
    service: ServiceName,
    method: string,
    path: string,
    options: CallOptions,
  ): Promise<T> {
    const answer = await this.call<T>(service, method, path, options);
    const accepted = Array.isArray(expected) ? expected : [expected];
    if (!accepted.includes(answer.status))
      throw new SeedError(`${what}: ${service} answered ${answer.status}${explain(answer.body)}`);
    return answer.body;
  }
}

/** An answer in a few words, for a wait's "last seen": the status, and the service's explanation of a refusal. */
export function describe(answer: ApiAnswer<unknown>, what?: string): string {
  if (answer.status >= 200 && answer.status < 300) return `HTTP ${answer.status}${what ? ` ${what}` : ''}`;
  return `HTTP ${answer.status}${explain(answer.body)}`;
}

/** The problem+json detail (and field errors) of a refusal, for the error message. */
export function explain(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const problem = body as { title?: string; detail?: string; errors?: { field: string; message: string }[] };
  const fields = problem.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
  const text = [problem.detail ?? problem.title, fields].filter(Boolean).join(': ');
  return text ? ` — ${text}` : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** ECONNREFUSED will not change on a retry a moment later: nobody listens there. */
function isRefused(error: unknown): boolean {
  return causeOf(error).includes('ECONNREFUSED');
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

/**
 * The auditor CLI talks to audit-ledger's HTTP API with the auditor's own token, never to its
 * database: auditors hold no database credentials, every read they make is recorded in the
 * ledger (audit.read), and what they verify is what the service actually serves — re-hashed
 * here, by this code, not taken on the service's word.
 */
export interface ApiOptions {
  url: string;
  token: string;
}

export function apiOptionsFromEnv(flags: Record<string, string | boolean>): ApiOptions {
  const url = String(flags.url ?? process.env.AUDIT_LEDGER_URL ?? 'http://127.0.0.1:3005').replace(/\/$/, '');
  const token = String(flags.token ?? process.env.AUDITOR_TOKEN ?? '');
  if (!token) throw new UsageError('an auditor token is needed: --token <jwt> or AUDITOR_TOKEN');
  return { url, token };
}

export class UsageError extends Error {}

async function call(api: ApiOptions, method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${api.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return response;
}

export async function getJson<T = unknown>(api: ApiOptions, path: string): Promise<T> {
  return (await call(api, 'GET', path)).json() as Promise<T>;
}

export async function postJson<T = unknown>(api: ApiOptions, path: string, body: unknown): Promise<T> {
  return (await call(api, 'POST', path, body)).json() as Promise<T>;
}

/** The raw body of a streaming endpoint, chunk by chunk (never buffered whole). */
export async function stream(api: ApiOptions, path: string): Promise<AsyncIterable<Uint8Array>> {
  const response = await call(api, 'GET', path);
  if (!response.body) throw new Error(`GET ${path} sent no body`);
  return response.body as unknown as AsyncIterable<Uint8Array>;
}

/** NDJSON lines of a byte stream, one at a time, in constant memory. */
export async function* lines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let tail = '';
  for await (const chunk of chunks) {
    const parts = (tail + decoder.decode(chunk, { stream: true })).split('\n');
    tail = parts.pop() ?? '';
    for (const part of parts) if (part) yield part;
  }
  if (tail) yield tail;
}

export function query(params: Record<string, string | boolean | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

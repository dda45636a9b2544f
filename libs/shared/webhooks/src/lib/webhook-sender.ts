import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusalOf, type AllowedRanges } from './destination-policy';

/** Resolves a host name to every address it has, as `dns.lookup(host, { all: true })` does. */
export type Resolver = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export interface SenderOptions {
  readonly resolver: Resolver;
  readonly allowed: AllowedRanges;
  readonly timeoutMs: number;
  /** Extra trusted certificates (a test receiver's); production trusts the system's CAs only. */
  readonly ca?: string;
}

export type SendResult =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status: number | null; readonly error: string; readonly permanent: boolean };

/**
 * POSTs one signed delivery. The destination is resolved here, at send time, and every
 * address it resolves to must pass the SSRF policy; the connection then goes to the checked
 * address (a pinned lookup), so a DNS answer that changes between check and connect — DNS
 * rebinding — cannot redirect it. Redirects are not followed; the response body is not read
 * beyond what the socket needs. Only a 2xx answer counts as delivered.
 */
export async function sendWebhook(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  options: SenderOptions,
): Promise<SendResult> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return { ok: false, status: null, error: 'not_https', permanent: true };
  const hostname = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly { address: string; family: number }[];
  try {
    addresses = isIP(hostname) ? [{ address: hostname, family: isIP(hostname) }] : await options.resolver(hostname);
  } catch {
    return { ok: false, status: null, error: 'dns_failure', permanent: false };
  }
  if (addresses.length === 0) return { ok: false, status: null, error: 'dns_failure', permanent: false };
  const refused = addresses
    .map((entry) => refusalOf(entry.address, options.allowed))
    .find((reason) => reason !== undefined);
  if (refused) return { ok: false, status: null, error: `destination_refused_${refused}`, permanent: true };
  return post(target, addresses[0], headers, body, options);
}

function post(
  target: URL,
  pinned: { address: string; family: number },
  headers: Readonly<Record<string, string>>,
  body: string,
  options: SenderOptions,
): Promise<SendResult> {
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'rj-webhooks/1',
        },
        lookup: pinnedLookup,
        ca: options.ca,
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, error: `http_${status}`, permanent: false },
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, status: null, error: errorCode(error), permanent: false }),
    );
    req.end(body);
  });
}

/** A code for the log, never the message (which can quote the host or a certificate's names). */
function errorCode(error: NodeJS.ErrnoException): string {
  if (error.message === 'timeout') return 'timeout';
  return (error.code ?? 'network_error').toLowerCase();
}

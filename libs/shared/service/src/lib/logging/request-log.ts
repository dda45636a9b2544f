import { PERSONAL_DATA_FIELDS, REDACTED } from './personal-data-fields';

/** What a log line keeps of the HTTP request it belongs to. */
export interface LoggedRequest {
  /** The correlation id (pino-http's request id is the correlation id: logger-params.ts). */
  id: unknown;
  method?: string;
  /** Path and query, the values of personal-data parameters redacted. */
  url?: string;
  remoteAddress?: string;
}

/** The fields of pino's standard request serialization that a request's log lines keep. */
type SerializedRequest = Partial<LoggedRequest>;

const PERSONAL_PARAMETERS: ReadonlySet<string> = new Set(PERSONAL_DATA_FIELDS);
// A parameter's name may be nested in brackets or dots (`parties[0][fullName]`, `a.email`).
const NAME_SEGMENTS = /[[\].]+/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Whether a query parameter's name is, or nests, a personal-data field. */
export function isPersonalParameter(name: string): boolean {
  return decoded(name)
    .split(NAME_SEGMENTS)
    .some((segment) => PERSONAL_PARAMETERS.has(segment));
}

/**
 * The URL as a log line shows it: the path, and the query with the value of every
 * personal-data parameter redacted (`?status=matching&fullName=[redacted]`). Codes, ids,
 * cursors and filters stay readable. Redaction by path cannot reach inside a string, so the
 * query is handled here.
 */
export function urlForLog(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return url;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0];
      return pair.length > name.length && isPersonalParameter(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryAt)}?${query}`;
}

/**
 * pino-http's `req` serializer. pino-http binds the request to a child logger for every
 * request, and pino serialises and redacts that binding there and then, whether or not a line
 * is ever written (at LOG_LEVEL warn a 2xx request writes none). The standard serialization
 * carries every header, the query and the params, and redacting that object against every
 * redact path cost ~4 % of intake's CPU. This keeps what an operator needs to find a request —
 * its correlation id, method, URL and the peer — and never a header, so the authorization,
 * the cookies and whatever else a client sends never reach a log line.
 */
export function serializeRequest(req: SerializedRequest): LoggedRequest {
  return {
    id: req.id,
    method: req.method,
    url: typeof req.url === 'string' ? urlForLog(req.url) : req.url,
    remoteAddress: req.remoteAddress,
  };
}

/** What a log line keeps of the response: its status (the completion line adds `responseTime`). */
export interface LoggedResponse {
  statusCode?: number;
}

/**
 * pino-http's `res` serializer: the status only. Response headers are ours (content type,
 * helmet's policies, the correlation id already logged as `req.id`), and a `set-cookie` is a
 * credential.
 */
export function serializeResponse(res: { statusCode?: number }): LoggedResponse {
  return { statusCode: res.statusCode };
}

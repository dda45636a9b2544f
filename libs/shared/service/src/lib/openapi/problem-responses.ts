/**
 * Every operation's error answers, said once for the platform: the exception filter
 * (errors/problem-details.filter.ts) answers every error as RFC 9457 application/problem+json,
 * so each operation declares the problems it can answer with that schema. Which statuses apply
 * follows from what the operation is (api.md, Conventions and its 2026-12 changes):
 * - 400: every operation (a malformed parameter, query, body, Idempotency-Key or correlation id);
 * - 401, 403, 429: every operation behind a bearer token (no or a bad token; a role that may
 *   never do it; too many failed authentications from the client);
 * - 503: every operation (too many requests in flight in the process, overload/in-flight-limit;
 *   or, behind a bearer token, the identity provider's keys or the key store unreachable);
 * - 404: operations on an object named in the path (also another organisation's object);
 * - 409: operations that change state (a process rule, or an Idempotency-Key reused with another body);
 * - 413: operations with a request body (BODY_LIMIT);
 * - 500: every operation (an unexpected error; its detail never carries the cause).
 * A status an operation already declares (with @ApiNotFoundResponse and the like) keeps its own
 * description and gains the schema; 410 is declared only where a controller says so.
 *
 * The rate-limit headers are declared where the services send them: the failed-authentication
 * limiter (libs/shared/auth, jwt-auth.guard.ts) counts each refused token per client and answers
 * its 401 with the IETF RateLimit-Limit, -Remaining and -Reset fields, and once the client is past
 * the limit a 429 with the same fields and Retry-After. Any 429 carries Retry-After (a stream
 * limit's 429 carries only that), and so does an overloaded service's 503. Successful answers
 * carry none: there is no per-client limit on authenticated requests (.spectral.yaml says why).
 */
import type { OpenAPIObject } from '@nestjs/swagger';

export const PROBLEM_SCHEMA = 'Problem';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

type Json = Record<string, unknown>;
interface Operation {
  parameters?: { in?: string }[];
  requestBody?: unknown;
  responses: Record<string, Json>;
  security?: Record<string, string[]>[];
}

const PROBLEM_DESCRIPTIONS: Record<string, string> = {
  '400': 'The request is not valid: problem+json, with `errors: [{ field, message }]` for each invalid field.',
  '401': 'No bearer token, or one that is not valid (WWW-Authenticate: Bearer).',
  '403': 'The caller’s role may never do this.',
  '404': 'No such object, or one outside the caller’s organisation (its existence is not revealed).',
  '409':
    'A process rule forbids this change now (the rule in `rule` and `detail`), or the Idempotency-Key was used with another body.',
  '410': 'The referral’s personal data was erased; what needs it can no longer be done.',
  '413': 'The request body is larger than the service accepts.',
  '415': 'The body’s media type is not one this operation takes.',
  '429': 'Too many failed authentications from this client: wait for Retry-After seconds.',
  '500': 'An unexpected error; it is logged, quote the correlation id when reporting it.',
  '503':
    'Overloaded (wait for Retry-After seconds), or a service this one depends on (the identity provider’s keys, the key store) cannot be reached now; retry later.',
};

const SECONDS = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 };
const RATE_LIMIT_HEADERS: Record<string, Json> = {
  'RateLimit-Limit': {
    description: 'Failed authentications this client may make in the current window (sent when the limiter counts).',
    schema: SECONDS,
  },
  'RateLimit-Remaining': { description: 'Failed authentications left in the current window.', schema: SECONDS },
  'RateLimit-Reset': { description: 'Seconds until the current window ends.', schema: SECONDS },
};
const RETRY_AFTER: Json = { description: 'Seconds to wait before trying again.', schema: SECONDS };
/** Every answer's, where headers are listed at all (bootstrap/http-security.ts, allowListedCors). */
const CORS_ORIGIN: Record<string, Json> = {
  'Access-Control-Allow-Origin': {
    description: 'The request’s Origin when CORS_ORIGINS lists it (never `*`); absent otherwise.',
    schema: { type: 'string', format: 'uri', maxLength: 2048 },
  },
};

/** The headers each problem status carries (see above). */
export const PROBLEM_HEADERS: Record<string, Record<string, Json>> = {
  '401': { ...RATE_LIMIT_HEADERS, ...CORS_ORIGIN },
  '429': { 'Retry-After': { ...RETRY_AFTER, required: true }, ...RATE_LIMIT_HEADERS, ...CORS_ORIGIN },
  '503': { 'Retry-After': RETRY_AFTER, ...CORS_ORIGIN },
};

/** The problem document the filter writes: the RFC 9457 members and the platform's extensions. */
export const PROBLEM_SCHEMA_OBJECT: Json = {
  type: 'object',
  description: 'An RFC 9457 problem document.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: {
      type: 'string',
      maxLength: 200,
      format: 'uri-reference',
      example: 'urn:rj:problem:rule-violation',
      description: '`about:blank` or a `urn:rj:problem:` name.',
    },
    title: { type: 'string', maxLength: 200, pattern: '^.+$', example: 'Process rule violated' },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 409 },
    detail: { type: 'string', maxLength: 2000, pattern: '^[\\s\\S]*$', example: 'The dialogue gate is not met.' },
    instance: { type: 'string', maxLength: 2000, format: 'uri-reference', description: 'The path of the request.' },
    correlationId: {
      type: 'string',
      maxLength: 100,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'The request’s correlation id, for support.',
    },
    rule: {
      type: 'string',
      maxLength: 100,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'On a 409: the process rule that refused the change.',
    },
    unmet: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', maxLength: 400, pattern: '^[\x21-\x7e]+$' },
      description: 'On a 409: the conditions of the rule not met yet.',
    },
    errors: {
      type: 'array',
      maxItems: 1000,
      description: 'On a 400: one entry per invalid field, named as the client wrote it (`parties[0].name`).',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', maxLength: 500, pattern: '^[\\s\\S]*$' },
          message: { type: 'string', maxLength: 2000, pattern: '^[\\s\\S]*$' },
        },
      },
    },
  },
  // Other extension members (a rule's own details) may follow.
  additionalProperties: true,
};

const isSecured = (document: OpenAPIObject, operation: Operation): boolean =>
  (operation.security ?? document.security ?? []).some((requirement) => Object.keys(requirement).length > 0);

/** The statuses an operation can answer with a problem, from its method, path, body and security. */
export function problemStatusesOf(document: OpenAPIObject, method: string, operation: Operation): string[] {
  const statuses = ['400', '500', '503'];
  if (isSecured(document, operation)) statuses.push('401', '403', '429');
  if ((operation.parameters ?? []).some((parameter) => parameter.in === 'path')) statuses.push('404');
  if (method !== 'get' && method !== 'head') statuses.push('409');
  if (operation.requestBody) statuses.push('413');
  return statuses;
}

export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  (components.schemas ??= {})[PROBLEM_SCHEMA] = PROBLEM_SCHEMA_OBJECT;
  const content = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      const declared = Object.keys(operation.responses).filter((status) => /^[45]\d\d$/.test(status));
      for (const status of new Set([...problemStatusesOf(document, method, operation), ...declared])) {
        const existing = operation.responses[status] ?? {};
        const headers = { ...PROBLEM_HEADERS[status], ...(existing.headers as Json | undefined) };
        operation.responses[status] = {
          ...existing,
          description: (existing.description as string) || PROBLEM_DESCRIPTIONS[status] || 'A problem.',
          ...(Object.keys(headers).length ? { headers } : {}),
          content,
        };
      }
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}

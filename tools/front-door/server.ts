/**
 * The front door of `npm start`: the whole public API at one origin (default
 * http://127.0.0.1:8080), routed by routes.json to the services on loopback. It streams
 * both ways (request bodies, NDJSON and CSV exports), passes every end-to-end header
 * (Authorization, Idempotency-Key, x-correlation-id, …) unchanged, adds X-Forwarded-*,
 * and answers a problem+json 502 when a service is down and 404 for a path no service owns.
 * It also serves the merged OpenAPI document (/api/docs-json, Swagger UI at /api/docs) and the
 * AsyncAPI document of the events (/api/asyncapi.json). It holds no state and checks no
 * token: every service checks role and organisation itself.
 */
import { randomUUID } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createResponseValidator } from '../contracts/response-validator';
import { ASYNCAPI_FILE, OPENAPI_FILE, readReferenceDocument } from './documents';
import { notRouted, sendProblem, serviceUnreachable } from './problem';
import { SERVICES, serviceFor, type ServiceName } from './route-table';
import { SWAGGER_INITIALIZER, SWAGGER_PAGE, swaggerAsset } from './swagger-page';

export const DEFAULT_FRONT_DOOR_PORT = 8080;
const CLOSE_GRACE_MS = 10_000;

export interface FrontDoorOptions {
  /** 0 picks a free port. Default FRONT_DOOR_PORT, else 8080. */
  port?: number;
  host?: string;
  /** Base URL of each service; default http://127.0.0.1:<port of routes.json>. */
  upstreams?: Partial<Record<ServiceName, string>>;
  /** The documents served; default the generated files in docs/reference. */
  documents?: { openapi?: string; asyncapi?: string };
  /**
   * Check every answer against the OpenAPI document (tools/contracts/response-validator.ts)
   * and report what does not match. Off by default; main.ts turns it on with FRONT_DOOR_VALIDATE=1.
   */
  validate?: { onViolation: (problems: string[]) => void };
}

export interface RunningFrontDoor {
  url: string;
  close(): Promise<void>;
}

/** Connection-level headers (RFC 9110 §7.6.1): they describe one hop, never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.has(name)));
}

export function upstreamBases(overrides: FrontDoorOptions['upstreams'] = {}): Record<ServiceName, URL> {
  const bases = {} as Record<ServiceName, URL>;
  for (const [name, { port }] of Object.entries(SERVICES) as [ServiceName, { port: number }][]) {
    bases[name] = new URL(overrides[name] ?? `http://127.0.0.1:${port}`);
  }
  return bases;
}

export async function startFrontDoor(options: FrontDoorOptions = {}): Promise<RunningFrontDoor> {
  const port = options.port ?? Number(process.env.FRONT_DOOR_PORT || DEFAULT_FRONT_DOOR_PORT);
  const bases = upstreamBases(options.upstreams);
  const agent = new Agent({ keepAlive: true });
  const openapi = options.documents?.openapi ?? readReferenceDocument(OPENAPI_FILE);
  const asyncapi = options.documents?.asyncapi ?? readReferenceDocument(ASYNCAPI_FILE);
  const check =
    options.validate && openapi
      ? answerChecker(createResponseValidator(JSON.parse(openapi)), options.validate.onViolation)
      : undefined;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (serveOwn(path, req, res, { openapi, asyncapi, bases, agent })) return;
    const service = serviceFor(path);
    if (!service) return sendProblem(res, notRouted(path), correlationOf(req));
    proxy(req, res, service, bases[service], agent, check);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Requests in flight may finish; a stream still open after the grace is cut.
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
        agent.destroy();
      }),
  };
}

/** The caller's correlation id, or a fresh one, so the front door's own answers are traceable too. */
function correlationOf(req: IncomingMessage): string {
  const sent = req.headers['x-correlation-id'];
  const value = Array.isArray(sent) ? sent[0] : sent;
  if (!value) req.headers['x-correlation-id'] = randomUUID();
  return String(req.headers['x-correlation-id']);
}

type AnswerCheck = (req: IncomingMessage, answer: IncomingMessage) => void;

/** JSON answers are read alongside the stream to the caller (never delaying it), up to this size. */
const MAX_CHECKED_BODY = 5 * 1024 * 1024;

function answerChecker(
  validate: ReturnType<typeof createResponseValidator>,
  onViolation: (problems: string[]) => void,
): AnswerCheck {
  return (req, answer) => {
    const contentType = String(answer.headers['content-type'] ?? '');
    const json = /^application\/(problem\+)?json\b/.test(contentType);
    const chunks: Buffer[] = [];
    let size = 0;
    if (json) answer.on('data', (chunk: Buffer) => (size += chunk.length) <= MAX_CHECKED_BODY && chunks.push(chunk));
    answer.on('end', () => {
      let body: unknown;
      try {
        body =
          json && size > 0 && size <= MAX_CHECKED_BODY ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        return onViolation([`${req.method} ${req.url}: ${contentType} body is not JSON`]);
      }
      const problems = validate({
        method: req.method ?? 'GET',
        path: (req.url ?? '/').split('?')[0],
        status: answer.statusCode ?? 0,
        contentType,
        body,
      });
      if (problems.length) onViolation(problems);
    });
  };
}

function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  service: ServiceName,
  base: URL,
  agent: Agent,
  check?: AnswerCheck,
): void {
  const correlationId = correlationOf(req);
  const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  const upstream = httpRequest({
    protocol: base.protocol,
    hostname: base.hostname,
    port: base.port,
    method: req.method,
    path: req.url,
    agent,
    headers: {
      ...endToEndHeaders(req.headers),
      'x-forwarded-for': forwardedFor,
      'x-forwarded-proto': 'http',
      'x-forwarded-host': req.headers.host ?? '',
    },
  });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
    // Flush every chunk as it comes: NDJSON and CSV exports are read while they are written.
    res.flushHeaders();
    check?.(req, answer);
    answer.pipe(res);
    answer.on('error', () => res.destroy());
  });
  upstream.on('error', () =>
    sendProblem(res, serviceUnreachable(service, (req.url ?? '/').split('?')[0]), correlationId),
  );
  // A caller who goes away mid-request or mid-stream: stop the service's work too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

interface OwnContext {
  openapi?: string;
  asyncapi?: string;
  bases: Record<ServiceName, URL>;
  agent: Agent;
}

/** The front door's own routes: the documents, Swagger UI and its health. True when answered. */
function serveOwn(path: string, req: IncomingMessage, res: ServerResponse, context: OwnContext): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const send = (status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const documentOrMissing = (document: string | undefined) =>
    document
      ? send(200, 'application/json; charset=utf-8', document)
      : sendProblem(res, {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'The document has not been generated: npm run contracts:generate.',
        });
  if (path === '/api/docs-json') return (documentOrMissing(context.openapi), true);
  if (path === '/api/asyncapi.json') return (documentOrMissing(context.asyncapi), true);
  if (path === '/api/docs' || path === '/api/docs/') return (send(200, 'text/html; charset=utf-8', SWAGGER_PAGE), true);
  if (path === '/api/docs/swagger-initializer.js')
    return (send(200, 'application/javascript', SWAGGER_INITIALIZER), true);
  const asset = path.startsWith('/api/docs/') ? swaggerAsset(path.slice('/api/docs/'.length)) : undefined;
  if (asset) return (send(200, asset.type, asset.body), true);
  if (path === '/health/live') return (send(200, 'application/json', JSON.stringify({ status: 'ok' })), true);
  if (path === '/health/ready') {
    void readiness(context).then(({ ready, services }) =>
      send(ready ? 200 : 503, 'application/json', JSON.stringify({ status: ready ? 'ok' : 'unavailable', services })),
    );
    return true;
  }
  return false;
}

/** Ready when every service says it is: the front door alone is no use to anyone. */
async function readiness({ bases }: OwnContext): Promise<{ ready: boolean; services: Record<string, string> }> {
  const entries = await Promise.all(
    (Object.entries(bases) as [ServiceName, URL][]).map(async ([name, base]) => {
      try {
        const answer = await fetch(new URL('/health/ready', base), { signal: AbortSignal.timeout(2000) });
        return [name, answer.ok ? 'ok' : `status ${answer.status}`] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  return { ready: entries.every(([, state]) => state === 'ok'), services: Object.fromEntries(entries) };
}

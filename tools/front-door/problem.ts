import type { ServerResponse } from 'node:http';

/** An RFC 9457 problem, shaped like the services' own (type, title, status, detail, instance). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
}

export function sendProblem(res: ServerResponse, problem: Problem, correlationId?: string): void {
  if (res.headersSent) {
    // The upstream's status line is already out: the only honest signal left is a cut connection.
    res.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
  });
  res.end(body);
}

export const notRouted = (path: string): Problem => ({
  type: 'urn:rj:problem:not-routed',
  title: 'Not Found',
  status: 404,
  detail: 'No service of the platform answers this path. The API is described at /api/docs.',
  instance: path,
});

export const serviceUnreachable = (service: string, path: string): Problem => ({
  type: 'urn:rj:problem:service-unreachable',
  title: 'Bad Gateway',
  status: 502,
  detail: `${service} is not reachable; try again shortly.`,
  instance: path,
});

/**
 * A burst of requests, each on a connection of its own (no keep-alive pool to blur which
 * request met which socket), with the moments that matter: when it was fully sent and how it
 * ended. A graceful shutdown is judged on these.
 */
import http from 'node:http';

export interface Shot {
  connectedAt?: number;
  sentAt?: number;
  endedAt: number;
  status?: number;
  body?: any;
  /** The socket error's code: ECONNREFUSED (never accepted) is fine after the signal; ECONNRESET never is. */
  error?: string;
}

export function shoot(baseUrl: string, method: string, path: string, token: string, body?: unknown): Promise<Shot> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const shot: Partial<Shot> = {};
    const request = http.request(`${baseUrl}${path}`, {
      method,
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        connection: 'close',
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      },
    });
    request.on('socket', (socket) => socket.once('connect', () => (shot.connectedAt = Date.now())));
    request.on('finish', () => (shot.sentAt = Date.now()));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString() || 'null');
        } catch {
          parsed = Buffer.concat(chunks).toString();
        }
        resolve({ ...shot, endedAt: Date.now(), status: response.statusCode, body: parsed });
      });
      response.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ ...shot, endedAt: Date.now(), error: error.code ?? error.message }),
      );
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ...shot, endedAt: Date.now(), error: error.code ?? error.message }),
    );
    request.end(payload);
  });
}

/**
 * Connections the kernel completed but the service has not accepted yet (the listen socket's
 * Recv-Q). The kernel resets these when the listener closes: they never reached the service,
 * so the test signals only once this is 0 and no new connection is being made.
 */
export function acceptQueue(port: number): number {
  const line = require('node:child_process').execSync(`ss -ltnH sport = :${port}`).toString().trim();
  return Number(line.split(/\s+/)[1] ?? 0);
}

/**
 * Keeps `concurrency` requests in flight for `loadMs`; then stops making connections, waits
 * until the service has accepted every one already made, and signals while they are in its
 * hands. `late` requests made after `lateAfterMs` must find the door closed.
 */
export async function burstAcrossSignal(
  fire: (n: number) => Promise<Shot>,
  options: { concurrency: number; loadMs: number; port: number; signal: () => void; late: number; lateAfterMs: number },
) {
  const shots: Shot[] = [];
  let stop = false;
  let n = 0;
  const loops = Array.from({ length: options.concurrency }, async () => {
    while (!stop) shots.push(await fire(n++));
  });
  await new Promise((resolve) => setTimeout(resolve, options.loadMs));
  stop = true;
  while (acceptQueue(options.port) > 0) await new Promise((resolve) => setTimeout(resolve, 2));
  const signalAt = Date.now();
  options.signal();
  await new Promise((resolve) => setTimeout(resolve, options.lateAfterMs));
  const late = await Promise.all(Array.from({ length: options.late }, () => fire(n++)));
  await Promise.all(loops);
  return { shots, late, signalAt };
}

/**
 * A burst of requests, each on a connection of its own (no keep-alive pool to blur which
 * request met which socket), with the moments that matter: when it was fully sent and how it
 * ended. A graceful shutdown is judged on these.
 */
import http from 'node:http';

export interface Shot {
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
      headers: { authorization: `Bearer ${token}`, connection: 'close', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    });
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
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ ...shot, endedAt: Date.now(), error: error.code ?? error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ ...shot, endedAt: Date.now(), error: error.code ?? error.message }));
    request.end(payload);
  });
}

/**
 * Keeps `concurrency` requests in flight; `signal()` is called after `signalAfterMs`, and the
 * burst goes on for `tailMs` more so requests made after the signal are seen being refused.
 */
export async function burstAcrossSignal(fire: (n: number) => Promise<Shot>, options: { concurrency: number; signalAfterMs: number; tailMs: number; signal: () => void }) {
  const shots: Shot[] = [];
  let stop = false;
  let n = 0;
  const loops = Array.from({ length: options.concurrency }, async () => {
    while (!stop) {
      const shot = await fire(n++);
      shots.push(shot);
      // A refused connection returns at once: do not spin.
      if (shot.error) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, options.signalAfterMs));
  const signalAt = Date.now();
  options.signal();
  await new Promise((resolve) => setTimeout(resolve, options.tailMs));
  stop = true;
  await Promise.all(loops);
  return { shots, signalAt };
}

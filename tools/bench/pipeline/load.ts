/**
 * The open-loop load of the pipeline bench: each referral leaves at its slot whatever the
 * previous ones are doing, as a statewide office's batch would. Every answer is sorted: 201
 * accepted; 503 or 429 with Retry-After refused (overload protection, the client may retry);
 * anything else failed; no answer within the client's timeout timed out.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoadResult {
  sent: number;
  seconds: number;
  /** Referral id → when its 201 arrived. */
  acceptedAt: Map<string, number>;
  acceptedMs: number[];
  refusedMs: number[];
  /** The refusals that came on a connection the client had to open first (its pool was empty). */
  refusedOnNewConnectionMs: number[];
  failures: Record<string, number>;
  timedOut: number;
  /** The bench's own event-loop delay while sending (ms): large, and its timings are the client's, not the platform's. */
  clientLoopDelayMs: { p99: number; max: number };
}

export function referralBody(n: number) {
  const party = (role: string) => ({
    role,
    fullName: `${role} ${n}`,
    minor: false,
    contact: { email: `${role}.${n}@bench.example`, safeChannels: ['email'] },
    preferredLanguage: 'nl',
    interpreter: false,
  });
  return {
    source: 'prosecutor',
    caseNumber: `BENCH-${n}`,
    jurisdiction: 'NL-NH',
    offense: { code: 'SR-310', category: 'theft', severity: 'misdemeanor' },
    incidentDate: '2025-01-15',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2099-09-30',
    parties: [party('harmed'), party('responsible')],
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

// node:http on kept-alive connections, not fetch: half the client's CPU per request (0.7 against
// 1.5 ms, measured), so at 300/s on a busy machine the bench times the platform, not itself.
const agent = new http.Agent({ keepAlive: true });

function post(
  url: string,
  token: string,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; retryAfter?: string; text: string; newConnection: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            text,
            newConnection: !request.reusedSocket,
          }),
        );
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function sendReferrals({
  url,
  token,
  rate,
  seconds,
  timeoutMs,
}: {
  url: string;
  token: string;
  rate: number;
  seconds: number;
  timeoutMs: number;
}): Promise<LoadResult> {
  const result: LoadResult = {
    sent: rate * seconds,
    seconds: 0,
    acceptedAt: new Map(),
    acceptedMs: [],
    refusedMs: [],
    refusedOnNewConnectionMs: [],
    failures: {},
    timedOut: 0,
    clientLoopDelayMs: { p99: 0, max: 0 },
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const fail = (why: string) => (result.failures[why] = (result.failures[why] ?? 0) + 1);
  const start = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < result.sent; n++) {
    const wait = start + (n * 1000) / rate - Date.now();
    // Behind schedule, still one send per turn of the event loop: a burst sent without yielding
    // would leave the answers (and the timeout timers) unread, and time the client, not the platform.
    await (wait > 0 ? sleep(wait) : nextTurn());
    const sent = Date.now();
    inFlight.push(
      post(`${url}/api/referrals`, token, JSON.stringify(referralBody(n)), timeoutMs).then(
        ({ status, retryAfter, text, newConnection }) => {
          const now = Date.now();
          if (status === 201) {
            result.acceptedMs.push(now - sent);
            result.acceptedAt.set(JSON.parse(text).id, now);
          } else if ((status === 503 || status === 429) && retryAfter) {
            result.refusedMs.push(now - sent);
            if (newConnection) result.refusedOnNewConnectionMs.push(now - sent);
          } else fail(String(status));
        },
        (error: Error & { code?: string }) => {
          if (error.name === 'TimeoutError' || error.name === 'AbortError') result.timedOut++;
          else fail(String(error.code ?? error.message));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  loopDelay.disable();
  result.clientLoopDelayMs = { p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) };
  result.seconds = Number(((Date.now() - start) / 1000).toFixed(1));
  return result;
}

/**
 * The open-loop load of the pipeline bench: each referral leaves at its slot whatever the
 * previous ones are doing, as a statewide office's batch would. Every answer is sorted: 201
 * accepted; 503 or 429 with Retry-After refused (overload protection, the client may retry);
 * anything else failed; no answer within the client's timeout timed out.
 */
export interface LoadResult {
  sent: number;
  seconds: number;
  /** Referral id → when its 201 arrived. */
  acceptedAt: Map<string, number>;
  acceptedMs: number[];
  refusedMs: number[];
  failures: Record<string, number>;
  timedOut: number;
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
    failures: {},
    timedOut: 0,
  };
  const fail = (why: string) => (result.failures[why] = (result.failures[why] ?? 0) + 1);
  const start = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < result.sent; n++) {
    const wait = start + (n * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    const sent = Date.now();
    inFlight.push(
      fetch(`${url}/api/referrals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(referralBody(n)),
        signal: AbortSignal.timeout(timeoutMs),
      }).then(
        async (res) => {
          const text = await res.text();
          const now = Date.now();
          if (res.status === 201) {
            result.acceptedMs.push(now - sent);
            result.acceptedAt.set(JSON.parse(text).id, now);
          } else if ((res.status === 503 || res.status === 429) && res.headers.get('retry-after')) {
            result.refusedMs.push(now - sent);
          } else fail(String(res.status));
        },
        (error: Error & { cause?: { code?: string } }) => {
          if (error.name === 'TimeoutError' || error.name === 'AbortError') result.timedOut++;
          else fail(String(error.cause?.code ?? error.message));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  result.seconds = Number(((Date.now() - start) / 1000).toFixed(1));
  return result;
}

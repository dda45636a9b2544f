import { KAFKAJS_VERSION_FIXED, stopIdleRequestQueueTimers } from './request-queue-idle-timer';

// The real kafkajs class, driven as a connection drives it (no broker needed for its timers).
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => Queue;

interface Queue {
  pending: unknown[];
  inflight: Map<number, unknown>;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  push(request: { entry: object; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer | null; size: number }): void;
  checkPendingRequests(): void;
  maybeThrottle(milliseconds: number): void;
  destroy(): void;
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const sent: number[] = [];
const queues: Queue[] = [];

function queue(maxInFlightRequests: number | null = null): Queue {
  const created = new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'spec:9092',
    logger: silent,
  });
  queues.push(created);
  return created;
}

function push(into: Queue, correlationId: number): void {
  const entry = { correlationId, apiKey: 3, apiName: 'Metadata', apiVersion: 6, resolve: () => undefined };
  into.push({ entry, expectResponse: true, sendRequest: () => sent.push(correlationId) });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

beforeAll(() => expect(stopIdleRequestQueueTimers()).toBe(true));
afterEach(() => {
  queues.splice(0).forEach((q) => q.destroy());
  sent.length = 0;
});

describe('stopIdleRequestQueueTimers', () => {
  it('is installed for the kafkajs version the project pins (fails on an upgrade, to be read again)', () => {
    expect((require('kafkajs/package.json') as { version: string }).version).toBe(KAFKAJS_VERSION_FIXED);
    expect(stopIdleRequestQueueTimers()).toBe(true);
  });

  it('leaves no timer behind on a connection with nothing pending', () => {
    const idle = queue();
    push(idle, 1);
    idle.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    idle.checkPendingRequests();
    expect(sent).toEqual([1]);
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still sends a request queued behind the in-flight limit once a slot frees', () => {
    const busy = queue(1);
    push(busy, 1);
    push(busy, 2);
    expect(sent).toEqual([1]);
    expect(busy.pending).toHaveLength(1);
    busy.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(sent).toEqual([1, 2]);
  });

  it('still sends a request queued by client-side throttling when the throttle ends', async () => {
    const throttled = queue();
    throttled.maybeThrottle(30);
    push(throttled, 7);
    expect(sent).toEqual([]);
    // kafkajs's own timer is scheduled for the pending request and sends it.
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    await until(() => sent.length === 1);
    expect(sent).toEqual([7]);
    await until(() => throttled.throttleCheckTimeoutId === null);
    expect(throttled.pending).toEqual([]);
  });
});

import { EventEmitter } from 'node:events';
import { inFlightLimit } from './in-flight-limit.middleware';

class FakeResponse extends EventEmitter {
  statusCode = 200;
  headers: Record<string, string> = {};
  body?: string;
  setHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  end(body: string) {
    this.body = body;
  }
}

function call(limit: ReturnType<typeof inFlightLimit>, path = '/api/referrals') {
  const res = new FakeResponse();
  let passed = false;
  limit({ path, url: `${path}?x=1`, correlationId: 'c-1' }, res, () => {
    passed = true;
  });
  return { res, passed };
}

describe('inFlightLimit (issue 15, overload protection)', () => {
  it('lets requests through up to the bound and refuses the next with 503, Retry-After and a problem document', () => {
    const limit = inFlightLimit({ maxInFlight: 2, retryAfterSeconds: 3 });
    expect(call(limit).passed).toBe(true);
    expect(call(limit).passed).toBe(true);
    const refused = call(limit);
    expect(refused.passed).toBe(false);
    expect(refused.res.statusCode).toBe(503);
    expect(refused.res.headers['retry-after']).toBe('3');
    expect(refused.res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.res.body as string)).toEqual(
      expect.objectContaining({
        type: 'urn:rj:problem:overloaded',
        status: 503,
        instance: '/api/referrals',
        correlationId: 'c-1',
      }),
    );
  });

  it('frees a place when a response finishes or its connection closes, once per request', () => {
    const limit = inFlightLimit({ maxInFlight: 1, retryAfterSeconds: 1 });
    const first = call(limit);
    expect(call(limit).passed).toBe(false);
    first.res.emit('finish');
    first.res.emit('close'); // both fire for one request: counted once
    const second = call(limit);
    expect(second.passed).toBe(true);
    expect(call(limit).passed).toBe(false);
    second.res.emit('close'); // the client went away mid-request
    expect(call(limit).passed).toBe(true);
  });

  it('never refuses a health probe', () => {
    const limit = inFlightLimit({ maxInFlight: 1, retryAfterSeconds: 1 });
    call(limit);
    expect(call(limit, '/health/ready').passed).toBe(true);
    expect(call(limit, '/health/live').passed).toBe(true);
  });
});

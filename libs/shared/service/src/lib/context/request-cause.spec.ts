import { requestCause } from './request-cause';
import { RequestContext } from './request-context';

const actor = { sub: 'alice', role: 'prosecutor' as const, org: 'office-1' };

describe('requestCause', () => {
  it('carries the request\u2019s correlation id and no causing event', () => {
    expect(RequestContext.run({ correlationId: 'corr-1' }, () => requestCause(actor))).toEqual({
      actor,
      causedBy: { correlationId: 'corr-1', causationId: null },
    });
  });

  it('mints a correlation id outside a request', () => {
    expect(requestCause(actor).causedBy.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { uuidv7 } from '@rj/shared/contracts';
import { startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

const mediator = (sub: string) => ({
  sub,
  fullName: 'Mia Mediator',
  contact: { email: 'mia@partner.example' },
  specialties: [],
});

describe('POST /api/mediators at the edge', () => {
  let harness: SchedulingHarness;
  const partnerId = uuidv7();
  const admin = () => harness.service.token('partner_admin', partnerId);

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  it('correlation id: a caller\u2019s id of 101–128 characters is replaced, never a 500 when the event is built (issue 14 item 13)', async () => {
    const sent = 'c'.repeat(120);
    const sub = `mediator-${uuidv7()}`;
    const res = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: mediator(sub),
      headers: { 'x-correlation-id': sent },
    });
    expect(res.status).toBe(201);
    const used = res.headers.get('x-correlation-id');
    expect(used).not.toBe(sent);
    expect(used).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = (await harness.service.dataSource.query(
      `select payload from outbox where event_type = 'mediator.registered' and payload->>'aggregateId' = $1`,
      [sub],
    )) as { payload: { correlationId: string } }[];
    expect(row.payload.correlationId).toBe(used);
  });

  it('mediator sub format: refuses a sub that could start a formula or is no account id, with 400 naming the field (issue 14 item 4)', async () => {
    for (const sub of [
      '=HYPERLINK("http://evil.example")',
      '+1',
      '-1',
      '@SUM(A1)',
      '\tcmd',
      'anna mediator',
      'system:audit-ledger',
      'x'.repeat(101),
    ]) {
      const res = await harness.service.request('POST', '/api/mediators', { token: admin(), body: mediator(sub) });
      expect([sub, res.status]).toEqual([sub, 400]);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['sub']);
    }
    const rows = (await harness.service.dataSource.query(
      `select count(*)::int as n from mediator where partner_id = $1 and sub !~ '^[A-Za-z0-9]'`,
      [partnerId],
    )) as { n: number }[];
    expect(rows[0].n).toBe(0);
  });

  it('mediator sub claim: one organisation cannot claim another\u2019s mediator sub — 409 as for its own, the first registration untouched (issue 14 item 4)', async () => {
    const sub = `mediator-${uuidv7()}`;
    expect(
      (await harness.service.request('POST', '/api/mediators', { token: admin(), body: mediator(sub) })).status,
    ).toBe(201);
    const own = await harness.service.request('POST', '/api/mediators', { token: admin(), body: mediator(sub) });
    const other = await harness.service.request('POST', '/api/mediators', {
      token: harness.service.token('partner_admin', uuidv7()),
      body: { ...mediator(sub), fullName: 'Impostor', contact: { email: 'impostor@evil.example' } },
    });
    expect(own.status).toBe(409);
    expect(other.status).toBe(409);
    // The same answer either way: the refusal does not reveal which organisation holds the sub.
    const { instance: _a, correlationId: _b, ...ownProblem } = own.body;
    const { instance: _c, correlationId: _d, ...otherProblem } = other.body;
    expect(otherProblem).toEqual(ownProblem);
    const [row] = (await harness.service.dataSource.query(
      'select partner_id, full_name, email from mediator where sub = $1',
      [sub],
    )) as { partner_id: string; full_name: string; email: string }[];
    expect(row).toEqual({ partner_id: partnerId, full_name: 'Mia Mediator', email: 'mia@partner.example' });
    const events = (await harness.service.dataSource.query(
      `select count(*)::int as n from outbox where event_type = 'mediator.registered' and payload->>'aggregateId' = $1`,
      [sub],
    )) as { n: number }[];
    expect(events[0].n).toBe(1);
    const listed = await harness.service.request('GET', '/api/mediators', {
      token: harness.service.token('partner_admin', uuidv7()),
    });
    expect(listed.body.items).toEqual([]);
  });

  it('answers with the shared edge\u2019s headers and keeps /metrics off the public port (issue 14 items 17 and 18)', async () => {
    const res = await harness.service.request('GET', '/api/mediators', { token: admin() });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await harness.service.request('GET', '/metrics')).status).toBe(404);
    const metrics = await harness.service.request('GET', '/metrics', { internal: true });
    expect(metrics.status).toBe(200);
    expect(String(metrics.body)).toContain('http_request_duration_seconds');
  });
});

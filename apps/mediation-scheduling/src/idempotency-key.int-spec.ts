import { uuidv7 } from '@rj/shared/contracts';
import { startSchedulingHarness, type SchedulingHarness } from './test/scheduling-harness';

const mediator = (sub: string, fullName = 'Mia Mediator') => ({
  sub,
  fullName,
  contact: { email: 'mia@partner.example' },
  specialties: [],
});

/** Issue 14 item 14: every create of mediation-scheduling honours Idempotency-Key. */
describe('item 14: Idempotency-Key on mediation-scheduling creates', () => {
  let harness: SchedulingHarness;
  const partnerId = uuidv7();
  const admin = (org = partnerId) => harness.service.token('partner_admin', org);
  const registered = async (sub: string) =>
    (
      (await harness.service.dataSource.query('select count(*)::int as n from mediator where sub = $1', [sub])) as {
        n: number;
      }[]
    )[0].n;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  it('POST /api/mediators: the same key and body answer the first result again and create once', async () => {
    const key = `register-${uuidv7()}`;
    const sub = `mediator-${uuidv7()}`;
    const first = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: mediator(sub),
      headers: { 'idempotency-key': key },
    });
    const again = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: mediator(sub),
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await registered(sub)).toBe(1);
  });

  it('the same key with another body is a 409 problem, and nothing is created', async () => {
    const key = `register-${uuidv7()}`;
    const [a, b] = [`mediator-${uuidv7()}`, `mediator-${uuidv7()}`];
    expect(
      (
        await harness.service.request('POST', '/api/mediators', {
          token: admin(),
          body: mediator(a),
          headers: { 'idempotency-key': key },
        })
      ).status,
    ).toBe(201);
    const other = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: mediator(b),
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(await registered(b)).toBe(0);
  });

  it('keys are scoped to the caller\u2019s organisation: another organisation\u2019s same key is its own request', async () => {
    const key = `register-${uuidv7()}`;
    const [a, b] = [`mediator-${uuidv7()}`, `mediator-${uuidv7()}`];
    expect(
      (
        await harness.service.request('POST', '/api/mediators', {
          token: admin(),
          body: mediator(a),
          headers: { 'idempotency-key': key },
        })
      ).status,
    ).toBe(201);
    const theirs = await harness.service.request('POST', '/api/mediators', {
      token: admin(uuidv7()),
      body: mediator(b),
      headers: { 'idempotency-key': key },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(await registered(b)).toBe(1);
  });

  it('a create that fails frees its key: the corrected request with the same key goes through', async () => {
    const key = `register-${uuidv7()}`;
    const sub = `mediator-${uuidv7()}`;
    const bad = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: { ...mediator(sub), fullName: '' },
      headers: { 'idempotency-key': key },
    });
    expect(bad.status).toBe(400);
    const good = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: mediator(sub),
      headers: { 'idempotency-key': key },
    });
    expect(good.status).toBe(201);
    expect(await registered(sub)).toBe(1);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await harness.service.request('POST', '/api/mediators', {
      token: admin(),
      body: mediator(`mediator-${uuidv7()}`),
      headers: { 'idempotency-key': 'x'.repeat(201) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
  });
});

import { uuidv7 } from '@rj/shared/contracts';
import { MatchingHarness, startMatchingHarness } from './test/matching-harness';

const registration = {
  name: 'Herstelbemiddeling Zuid',
  jurisdictions: ['NL-LI'],
  offenseCategories: ['assault'],
  languages: ['nl'],
  servesMinors: false,
  capacity: 4,
  responseHours: 0.01,
  specialties: [],
};

/** Issue 14 item 14: partner-matching's creates go through the platform's one idempotency store. */
describe('item 14: partner-matching uses the shared idempotency store', () => {
  let kit: MatchingHarness;

  beforeAll(async () => {
    kit = await startMatchingHarness();
  });
  afterAll(() => kit?.close());

  it('POST /api/partners with an Idempotency-Key is recorded in idempotency_record, scoped to the caller, with the first answer', async () => {
    const key = `partner-${uuidv7()}`;
    const first = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: registration,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const rows = (await kit.service.dataSource.query(
      'select scope, response_status, response_body from idempotency_record where idempotency_key = $1',
      [key],
    )) as {
      scope: string;
      response_status: number;
      response_body: { id: string };
    }[];
    expect(rows).toEqual([
      { scope: 'user:admin-1', response_status: 201, response_body: expect.objectContaining({ id: first.body.id }) },
    ]);
    const again = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: registration,
      headers: { 'idempotency-key': key },
    });
    expect(again.body.id).toBe(first.body.id);
    // The same answer the other services give a repeat (the one IdempotencyInterceptor).
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers a reused key with another body, and a malformed key, as every service does', async () => {
    const key = `partner-${uuidv7()}`;
    const post = (body: object, idempotencyKey: string) =>
      kit.service.request('POST', '/api/partners', {
        token: kit.adminToken,
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
    expect((await post(registration, key)).status).toBe(201);
    const reused = await post({ ...registration, name: 'Een andere naam' }, key);
    expect([reused.status, reused.body.rule]).toEqual([409, 'idempotency_key_reused']);
    const malformed = await post(registration, 'no spaces allowed');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
  });

  it('covers every POST, not only the partner registration: a deactivation repeated under its key is replayed', async () => {
    const partner = await kit.registerPartner();
    const key = `deactivate-${uuidv7()}`;
    const deactivate = () =>
      kit.service.request('POST', `/api/partners/${partner.id}/deactivate`, {
        token: kit.adminToken,
        headers: { 'idempotency-key': key },
      });
    const first = await deactivate();
    const again = await deactivate();
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('never stores an answer that holds a signing secret: a webhook registration is not replayed', async () => {
    const partner = await kit.registerPartner();
    const key = `webhook-${uuidv7()}`;
    const register = () =>
      kit.service.request('POST', '/api/partner-webhooks', {
        token: kit.partnerToken(partner.id),
        body: {
          url: 'https://hooks.partner.example/rj',
          eventTypes: ['offer.made'],
          contactEmail: 'ops@partner.example',
        },
        headers: { 'idempotency-key': key },
      });
    const [first, second] = [await register(), await register()];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(
      await kit.service.dataSource.query('select 1 from idempotency_record where idempotency_key = $1', [key]),
    ).toEqual([]);
  });
});

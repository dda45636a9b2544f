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
  });
});

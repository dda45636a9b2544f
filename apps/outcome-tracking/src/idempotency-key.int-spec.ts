import { feedReferral, type Scenario } from './test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from './test/outcome-harness';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const agreement = (s: Scenario, description = 'a letter to the neighbour') => ({
  terms: [{ kind: 'apology_letter', dueBy: inDays(30), description }],
  consentedBy: [s.harmedId, s.responsibleId],
});

/** Issue 14 item 14: outcome-tracking's creates honour Idempotency-Key. */
describe('item 14: Idempotency-Key on outcome-tracking creates', () => {
  let t: OutcomeHarness;
  let s: Scenario;

  beforeAll(async () => {
    t = await startOutcomeHarness();
    s = await feedReferral(t.feeder, t.keys);
    await t.waitFor(
      async () =>
        (
          (await t.service.dataSource.query('select status from "case" where id = $1', [s.caseId])) as {
            status: string;
          }[]
        )[0]?.status === 'awaiting_agreement',
      'awaiting_agreement',
    );
  });
  afterAll(() => t?.close());

  it('POST /api/cases/{id}/agreement: a repeat with the same key and body gets the first agreement; another body is 409', async () => {
    const token = t.service.token('mediator', s.partnerId, s.mediatorSub);
    const headers = { 'idempotency-key': 'agreement-1' };
    const first = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token,
      body: agreement(s),
      headers,
    });
    expect(first.status).toBe(201);
    const again = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token,
      body: agreement(s),
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token,
      body: agreement(s, 'another letter'),
      headers,
    });
    expect(other.status).toBe(409);
    expect(other.body.detail).toMatch(/Idempotency-Key/);
    const [{ n }] = (await t.service.dataSource.query('select count(*)::int as n from agreement where case_id = $1', [
      s.caseId,
    ])) as { n: number }[];
    expect(n).toBe(1);
  });
});

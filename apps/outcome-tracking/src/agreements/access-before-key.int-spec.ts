import { uuidv7 } from '@rj/shared/contracts';
import { feedReferral, type Scenario } from '../test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const agreement = (s: Scenario) => ({
  terms: [{ kind: 'apology_letter', dueBy: inDays(30), description: 'a letter to the neighbour' }],
  consentedBy: [s.harmedId, s.responsibleId],
});

/** Issue 14 item 11: access is checked before the referral's data key is fetched. */
describe('outcome-tracking checks access before fetching a data key', () => {
  let t: OutcomeHarness;
  let s: Scenario;
  let keyId: string;

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
    keyId = (
      (await t.service.dataSource.query('select data_key_id from referral where id = $1', [s.referralId])) as {
        data_key_id: string;
      }[]
    )[0].data_key_id;
    t.keys.erase(keyId);
  });
  afterAll(() => t?.close());

  it('answers a foreign case 404, not 410, and fetches no key for it', async () => {
    const foreign = t.service.token('mediator', uuidv7(), s.mediatorSub);
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token: foreign,
      body: agreement(s),
    });
    expect(res.status).toBe(404);
    expect(t.keys.fetches(keyId)).toBe(0);
  });

  it('answers a mediator of the case who is not assigned 403, and fetches no key for it', async () => {
    const colleague = t.service.token('mediator', s.partnerId, `mediator-${uuidv7()}`);
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token: colleague,
      body: agreement(s),
    });
    expect(res.status).toBe(403);
    expect(t.keys.fetches(keyId)).toBe(0);
  });

  it('still answers the assigned mediator 410 once the personal data is erased', async () => {
    const assigned = t.service.token('mediator', s.partnerId, s.mediatorSub);
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token: assigned,
      body: agreement(s),
    });
    expect(res.status).toBe(410);
    expect(t.keys.fetches(keyId)).toBe(1);
  });
});

import { uuidv7 } from '@rj/shared/contracts';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';

/**
 * Issue 14 item 8: /api/metrics binds no parameter per referral. With one parameter per id an
 * office with more than 65,535 referrals could not be counted at all (Postgres refuses the
 * query); the figures come from subqueries on the same scope instead.
 */
describe('item 8: outcome figures of an office with 70,000 referrals', () => {
  let t: OutcomeHarness;
  const officeId = uuidv7();
  const REFERRALS = 70_000;

  beforeAll(async () => {
    t = await startOutcomeHarness({ METRICS_SUPPRESSION_THRESHOLD: '3' });
    await t.service.dataSource.query(
      `insert into referral (id, office_id, jurisdiction, source, data_key_id, submitted_at, status)
       select gen_random_uuid(), $1, 'NL', 'prosecutor', gen_random_uuid(), timestamptz '2026-03-01' + (n || ' seconds')::interval, 'submitted'
       from generate_series(1, $2::int) as n`,
      [officeId, REFERRALS],
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('answers with every referral counted, without a parameter per referral', async () => {
    const res = await t.service.request('GET', '/api/metrics', { token: t.service.token('prosecutor', officeId) });
    expect(res.status).toBe(200);
    expect(res.body.figures.referralsBySource).toEqual({ prosecutor: { kind: 'count', value: REFERRALS } });
  }, 120_000);
});

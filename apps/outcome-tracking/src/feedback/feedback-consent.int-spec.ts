import { uuidv7 } from '@rj/shared/contracts';
import { feedReferral } from '../test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';

/**
 * The consent purpose `feedback` (issue 20) reaches outcome-tracking before any service records
 * it: a consent.recorded carrying it passes the consumer's schema check and is applied (kept,
 * for the survey that will ask for it) instead of going to the dead-letter topic.
 */
describe('outcome-tracking accepts the consent purpose feedback', () => {
  let t: OutcomeHarness;
  beforeAll(async () => {
    t = await startOutcomeHarness();
  });
  afterAll(() => t?.close());

  it('keeps a feedback consent beside the participation one', async () => {
    const s = await feedReferral(t.feeder, t.keys, { officeId: uuidv7(), consents: ['feedback'], conclusion: null });
    const rows = await t.waitFor(async () => {
      const found: { purpose: string; decision: string }[] = await t.service.dataSource.query(
        `select purpose, decision from consent where participant_id = $1 order by purpose`,
        [s.harmedId],
      );
      return found.length === 2 ? found : undefined;
    }, 'both consents applied');
    expect(rows).toEqual([
      { purpose: 'feedback', decision: 'given' },
      { purpose: 'participation', decision: 'given' },
    ]);
    // Participation figures read the participation purpose only: the case still counts as every party consenting once.
    const [kase] = await t.service.dataSource.query(
      `select count(*)::int as n from consent where referral_id = $1 and purpose = 'participation'`,
      [s.referralId],
    );
    expect(kase.n).toBe(2);
  });
});

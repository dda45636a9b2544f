import { uuidv7 } from '@rj/shared/contracts';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';
import { feedEquityReferral, type EquityReferral } from './equity-feeder';

describe('outcome-tracking: equity of access', () => {
  let t: OutcomeHarness;
  const officeId = uuidv7();
  const admin = () => t.service.token('admin');
  const times = (n: number, r: Omit<EquityReferral, 'officeId'>) => Array.from({ length: n }, () => r);

  beforeAll(async () => {
    t = await startOutcomeHarness();
    // The fixture, by hand: 13 referrals of March 2025, two people each (26 people).
    // 6 with a Spanish-speaking person harmed who needs an interpreter, eligible, offered and accepted;
    // 6 Dutch-speaking, eligible and offered (no partner took them); 1 Polish-speaking, ineligible.
    const referrals = [
      ...times(6, {
        submittedAt: '2025-03-03T09:00:00Z',
        harmed: { language: 'es', interpreter: true },
        screened: 'eligible',
        offered: true,
        accepted: true,
      }),
      ...times(6, {
        submittedAt: '2025-03-10T09:00:00Z',
        harmed: { language: 'nl', interpreter: false },
        screened: 'eligible',
        offered: true,
      }),
      ...times(1, {
        submittedAt: '2025-03-20T09:00:00Z',
        harmed: { language: 'pl', interpreter: false },
        screened: 'ineligible',
      }),
    ];
    for (const r of referrals) await feedEquityReferral(t.feeder, t.keys, { officeId, ...r });
    await t.waitFor(async () => {
      const [row] = await t.service.dataSource.query(
        `select count(*) filter (where screened_eligible_at is not null)::int as eligible, count(*) filter (where accepted_at is not null)::int as accepted,
                (select count(*)::int from offer where made_at is not null) as offers, count(*)::int as referrals from referral`,
      );
      return row.referrals === 13 && row.eligible === 12 && row.accepted === 6 && row.offers === 12;
    }, 'the fixture applied');
  });
  afterAll(() => t?.close());

  const get = (period: string, token?: string) => t.service.request('GET', `/api/equity?period=${period}`, { token });

  it('counts the hand-made fixture for the year, one attribute at a time, withholding small and complementary cells', async () => {
    const res = await get('2025', admin());
    expect(res.status).toBe(200);
    const table = (id: string) =>
      Object.fromEntries(
        res.body.tables
          .find((x: { dimension: string }) => x.dimension === id)
          .rows.map((r: { value: string; counts: unknown }) => [r.value, r.counts]),
      );
    expect(res.body).toMatchObject({ period: '2025', unit: 'person', minimum: 5 });
    expect(res.body.total).toEqual({
      referred: 26,
      screenedEligible: 24,
      offered: 24,
      accepted: 12,
      dialogueHeld: null,
      completed: null,
    });
    // Polish: 1 person — withheld; Spanish withheld beside it, or 26 − 19 would give the 1 back.
    expect(table('preferredLanguage')).toEqual({
      es: {
        referred: null,
        screenedEligible: null,
        offered: null,
        accepted: null,
        dialogueHeld: null,
        completed: null,
      },
      nl: { referred: 19, screenedEligible: 18, offered: 18, accepted: 6, dialogueHeld: null, completed: null },
      pl: {
        referred: null,
        screenedEligible: null,
        offered: null,
        accepted: null,
        dialogueHeld: null,
        completed: null,
      },
    });
    expect(table('interpreter')).toEqual({
      needed: { referred: 6, screenedEligible: 6, offered: 6, accepted: 6, dialogueHeld: null, completed: null },
      not_needed: { referred: 20, screenedEligible: 18, offered: 18, accepted: 6, dialogueHeld: null, completed: null },
    });
    expect(table('role').harmed).toEqual({
      referred: 13,
      screenedEligible: 12,
      offered: 12,
      accepted: 6,
      dialogueHeld: null,
      completed: null,
    });
    expect(table('offenceGroup')).toEqual({ property: expect.objectContaining({ referred: 26 }) });
    expect(res.body.tables.map((x: { dimension: string }) => x.dimension)).toEqual([
      'preferredLanguage',
      'interpreter',
      'ageBand',
      'role',
      'offenceGroup',
      'referralSource',
      'jurisdiction',
      'ethnicity',
      'gender',
      'disability',
    ]);
    // Nobody declared anything: everyone counts as not declared, never inferred.
    expect(table('gender')).toEqual({ not_declared: expect.objectContaining({ referred: 26 }) });
    // No office supplied counts of eligible cases it did not refer.
    expect(res.body.eligibleNotReferred).toEqual({
      period: '2025',
      minimum: 5,
      officesSupplying: 0,
      total: null,
      byOffice: [],
    });
  });

  it('gives a prosecutor their own office only', async () => {
    expect((await get('2025', t.service.token('prosecutor', officeId))).body.total.referred).toBe(26);
    const other = await get('2025', t.service.token('prosecutor', uuidv7()));
    expect(other.status).toBe(200);
    expect(other.body.total.referred).toBeNull();
  });

  it.each(['2025-03-01', '2025-Q5', 'last-year', ''])(
    'refuses %p as a period: fixed calendar periods only',
    async (period) => {
      expect((await get(period, admin())).status).toBe(400);
    },
  );

  it.each([
    ['mediator', 403],
    ['partner_admin', 403],
    [null, 401],
  ] as const)('answers %s with %s', async (role, status) => {
    expect((await get('2025', role ? t.service.token(role, uuidv7()) : undefined)).status).toBe(status);
  });
});

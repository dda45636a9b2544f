import { ReferralPersonalDataErased, uuidv7 } from '@rj/shared/contracts';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';
import { feedReferral, type Scenario } from '../test/referral-scenario';

describe('outcome-tracking: equity monitoring (self-declarations, eligible cases not referred)', () => {
  let t: OutcomeHarness;
  // The figures list offices by id; two ids made in the same millisecond differ only in their random bits,
  // so sort them to know which comes first.
  const [officeA, officeB] = [uuidv7(), uuidv7()].sort();
  const partnerId = uuidv7();
  const prosecutor = (office: string) => t.service.token('prosecutor', office);
  const admin = () => t.service.token('admin');
  const equity = async (period: string, token = admin()) => {
    const res = await t.service.request('GET', `/api/equity?period=${period}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startOutcomeHarness();
  });
  afterAll(() => t?.close());

  describe('eligible cases an office did not refer', () => {
    const supply = (office: string, month: string, count: unknown) =>
      t.service.request('PUT', `/api/eligible-not-referred/${month}`, { token: prosecutor(office), body: { count } });

    beforeAll(async () => {
      // The fixture, by hand: office A 12 in January 2025 and 3 in February; office B 7 and 9.
      for (const [office, month, count] of [
        [officeA, '2025-01', 1],
        [officeA, '2025-01', 12], // corrected: the second answer replaces the first
        [officeA, '2025-02', 3],
        [officeB, '2025-01', 7],
        [officeB, '2025-02', 9],
      ] as const)
        expect((await supply(office, month, count)).status).toBe(200);
    });

    it('gives the office its own exact counts back, month by month', async () => {
      const res = await t.service.request('GET', '/api/eligible-not-referred?year=2025', {
        token: prosecutor(officeA),
      });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { month: string; count: number }) => [i.month, i.count])).toEqual([
        ['2025-01', 12],
        ['2025-02', 3],
      ]);
    });

    it('reports them in the equity figures by office and period, suppressed', async () => {
      expect((await equity('2025-Q1')).eligibleNotReferred).toEqual({
        period: '2025-Q1',
        minimum: 5,
        officesSupplying: 2,
        total: 31,
        byOffice: [
          { officeId: officeA, supplied: true, count: 15 },
          { officeId: officeB, supplied: true, count: 16 },
        ],
      });
      // February: office A's 3 is withheld, and office B's 9 with it, or 12 − 9 would give the 3 back.
      expect((await equity('2025-02')).eligibleNotReferred).toMatchObject({
        total: 12,
        byOffice: [
          { officeId: officeA, count: null },
          { officeId: officeB, count: null },
        ],
      });
      // January too: otherwise the quarter's 15 minus January's 12 gives February's 3.
      expect((await equity('2025-01')).eligibleNotReferred.byOffice.map((o: { count: unknown }) => o.count)).toEqual([
        null,
        null,
      ]);
    });

    it('shows a prosecutor their own office only', async () => {
      expect((await equity('2025-Q1', prosecutor(officeA))).eligibleNotReferred).toMatchObject({
        total: 15,
        byOffice: [{ officeId: officeA, count: 15 }],
      });
    });

    it.each([
      ['a month yet to come', '2099-01', 5],
      ['a quarter instead of a month', '2025-Q1', 5],
      ['a negative count', '2025-03', -1],
      ['a count that is not a whole number', '2025-03', 2.5],
    ])('refuses %s as 400', async (_name, month, count) => {
      expect((await supply(officeA, month, count)).status).toBe(400);
    });

    it.each([
      ['admin', 403],
      ['auditor', 403],
      ['mediator', 403],
      [null, 401],
    ] as const)('lets only prosecutors supply counts: %s gets %s', async (role, status) => {
      const token = role ? t.service.token(role, uuidv7()) : undefined;
      const res = await t.service.request('PUT', '/api/eligible-not-referred/2025-03', { token, body: { count: 5 } });
      expect(res.status).toBe(status);
    });
  });

  describe('self-declared special-category data', () => {
    const scenarios: Scenario[] = [];
    const path = (s: Scenario, participantId = s.harmedId) =>
      `/api/cases/${s.caseId}/self-declarations/${participantId}`;
    const declare = (s: Scenario, body: unknown, token = t.service.token('mediator', s.partnerId, s.mediatorSub)) =>
      t.service.request('PUT', path(s), { token, body });
    const genderTable = async () =>
      Object.fromEntries(
        (await equity('2024')).tables
          .find((table: { dimension: string }) => table.dimension === 'gender')
          .rows.map((row: { value: string; counts: { referred: number | null } }) => [row.value, row.counts.referred]),
      );

    beforeAll(async () => {
      // Six referrals of 2024 (twelve people): each person harmed declares gender, nobody else.
      for (let i = 0; i < 6; i++)
        scenarios.push(
          await feedReferral(t.feeder, t.keys, {
            officeId: officeA,
            partnerId,
            timeline: { submittedAt: `2024-05-0${i + 1}T09:00:00Z`, acceptedAfterDays: 1, dialogueAfterDays: 5 },
          }),
        );
      await t.waitFor(
        async () =>
          (
            await t.service.dataSource.query(
              `select count(*)::int as n from case_mediator where assigned and case_id = any($1::uuid[])`,
              [scenarios.map((s) => s.caseId)],
            )
          )[0].n === 6,
        'six declared mediators',
      );
    });

    it('records what the person declared, encrypted, and never answers it back', async () => {
      for (const s of scenarios) {
        const res = await declare(s, {
          purpose: 'equity_monitoring',
          gender: 'woman',
          disability: 'prefer_not_to_say',
        });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ participantId: s.harmedId, recorded: ['gender', 'disability'] });
      }
      const rows: { declaration: string }[] = await t.service.dataSource.query(
        'select declaration from self_declaration where referral_id = any($1::uuid[])',
        [scenarios.map((s) => s.referralId)],
      );
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(row.declaration).toMatch(/^pii:1:/);
        expect(row.declaration).not.toContain('woman');
      }
      // Nothing about it travels in an event, not even that it happened.
      expect(JSON.stringify(await t.emitted())).not.toMatch(/woman|self_declar|equity_monitoring/);
    });

    it('counts it only in the aggregate equity figures, one attribute at a time', async () => {
      expect(await genderTable()).toEqual({ not_declared: 6, woman: 6 });
    });

    it('erases it with the referral: the row goes, the figures count one declaration fewer', async () => {
      const erased = scenarios[0];
      const [{ data_key_id: dataKeyId }] = await t.service.dataSource.query(
        'select data_key_id from referral where id = $1',
        [erased.referralId],
      );
      t.keys.erase(dataKeyId);
      await t.feeder.send(ReferralPersonalDataErased, {
        referralId: erased.referralId,
        aggregateId: erased.referralId,
        data: { dataKeyId, erasedAt: new Date().toISOString() },
      });
      await t.waitFor(
        async () =>
          (
            await t.service.dataSource.query('select count(*)::int as n from self_declaration where referral_id = $1', [
              erased.referralId,
            ])
          )[0].n === 0,
        'the declaration deleted',
      );
      expect(await genderTable()).toEqual({ not_declared: 7, woman: 5 });
      expect((await declare(erased, { purpose: 'equity_monitoring', gender: 'man' })).status).toBe(410);
    });

    it('lets the person withdraw it', async () => {
      const s = scenarios[1];
      const token = t.service.token('mediator', s.partnerId, s.mediatorSub);
      expect((await t.service.request('DELETE', path(s), { token })).status).toBe(204);
      const rows = await t.service.dataSource.query('select 1 from self_declaration where participant_id = $1', [
        s.harmedId,
      ]);
      expect(rows).toHaveLength(0);
    });

    it.each([
      ['without the purpose the person agreed to', { gender: 'woman' }],
      ['for another purpose', { purpose: 'research', gender: 'woman' }],
      ['with an answer not offered', { purpose: 'equity_monitoring', gender: 'female' }],
      ['with something never collected', { purpose: 'equity_monitoring', religion: 'none' }],
      ['with a postcode', { purpose: 'equity_monitoring', postcode: '1011AB' }],
    ])('refuses a declaration %s as 400', async (_name, body) => {
      expect((await declare(scenarios[2], body)).status).toBe(400);
    });

    it('lets only the assigned mediator record it; another partner’s case or person is 404', async () => {
      const s = scenarios[2];
      const body = { purpose: 'equity_monitoring', gender: 'man' };
      expect((await declare(s, body, t.service.token('mediator', s.partnerId, 'someone-else'))).status).toBe(403);
      expect((await declare(s, body, t.service.token('mediator', uuidv7(), s.mediatorSub))).status).toBe(404);
      expect((await declare(s, body, t.service.token('prosecutor', officeA))).status).toBe(403);
      expect((await declare(s, body, t.service.token('partner_admin', s.partnerId))).status).toBe(403);
      const token = t.service.token('mediator', s.partnerId, s.mediatorSub);
      expect((await t.service.request('PUT', path(s, uuidv7()), { token, body })).status).toBe(404);
      expect((await t.service.request('PUT', path(s), { body })).status).toBe(401);
    });
  });
});

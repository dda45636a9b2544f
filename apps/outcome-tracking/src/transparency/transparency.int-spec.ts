import { uuidv7 } from '@rj/shared/contracts';
import { feedEquityReferral } from '../equity/equity-feeder';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';

describe('outcome-tracking: public transparency report', () => {
  let t: OutcomeHarness;
  const officeId = uuidv7();
  const prosecutor = () => t.service.token('prosecutor', officeId);
  const referralCount = async () =>
    (
      (await t.service.dataSource.query(`select count(*)::int as n from referral where jurisdiction = 'NL-NH'`)) as {
        n: number;
      }[]
    )[0].n;
  const feed = async (n: number, submittedAt: string) => {
    for (let i = 0; i < n; i++) {
      await feedEquityReferral(t.feeder, t.keys, {
        officeId,
        submittedAt,
        harmed: { language: 'nl', interpreter: false },
        screened: 'eligible',
        offered: true,
        accepted: true,
      });
    }
  };

  beforeAll(async () => {
    t = await startOutcomeHarness();
    // 12 referrals of NL-NH in 2025, none the year before: a small jurisdiction, published yearly.
    await feed(12, '2025-04-02T09:00:00Z');
    await t.waitFor(async () => (await referralCount()) === 12, '12 referrals');
  });
  afterAll(() => t?.close());

  it('publishes nothing for a jurisdiction no office opted in', async () => {
    expect((await t.service.request('GET', '/api/transparency/NL-NH/2025')).status).toBe(404);
    expect((await t.service.request('GET', '/api/transparency')).body).toEqual({ items: [] });
  });

  it('lets a prosecutor opt in only a jurisdiction their office serves, and no other role', async () => {
    expect(
      (
        await t.service.request('PUT', '/api/publication-opt-ins/BE-VAN', {
          token: prosecutor(),
          body: { optedIn: true },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.service.request('PUT', '/api/publication-opt-ins/NL-NH', {
          token: t.service.token('prosecutor', uuidv7()),
          body: { optedIn: true },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.service.request('PUT', '/api/publication-opt-ins/NL-NH', {
          token: t.service.token('partner_admin', uuidv7()),
          body: { optedIn: true },
        })
      ).status,
    ).toBe(403);
    expect((await t.service.request('PUT', '/api/publication-opt-ins/NL-NH', { body: { optedIn: true } })).status).toBe(
      401,
    );
    const res = await t.service.request('PUT', '/api/publication-opt-ins/NL-NH', {
      token: prosecutor(),
      body: { optedIn: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ officeId, jurisdiction: 'NL-NH', optedIn: true });
    expect(
      (await t.service.request('GET', '/api/publication-opt-ins', { token: t.service.token('prosecutor', uuidv7()) }))
        .body,
    ).toEqual({ items: [] });
    expect(
      (await t.service.request('GET', '/api/publication-opt-ins', { token: t.service.token('admin') })).body.items,
    ).toHaveLength(1);
  });

  it('serves the year without a token, suppressed for the public and cacheable; a quarter of a small jurisdiction and an unfinished year are not published', async () => {
    const index = await t.service.request('GET', '/api/transparency');
    expect(index.body.items).toEqual([{ jurisdiction: 'NL-NH', periods: expect.arrayContaining(['2025', '2024']) }]);
    expect(index.body.items[0].periods).not.toContain('2025-Q2');
    const res = await t.service.request('GET', '/api/transparency/NL-NH/2025');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    // 12 referred → 10 (at least 10, rounded to 5); nobody took part yet → withheld.
    expect(res.body).toMatchObject({
      jurisdiction: 'NL-NH',
      period: '2025',
      tooFew: false,
      minimum: 10,
      roundedTo: 5,
      counts: { referred: 10, tookPart: null, agreementReached: null, agreementCompleted: null },
      restitutionPaid: [],
      reoffence: [],
      satisfaction: [
        { role: 'harmed', share: null },
        { role: 'responsible', share: null },
      ],
    });
    expect((await t.service.request('GET', '/api/transparency/NL-NH/2025-Q2')).status).toBe(404);
    expect((await t.service.request('GET', '/api/transparency/NL-NH/2026')).status).toBe(404);
    expect((await t.service.request('GET', '/api/transparency/NL-NH/2025-05')).status).toBe(400);
  });

  it('keeps a published report frozen: later events change nothing, and the table refuses an update', async () => {
    const first = await t.service.request('GET', '/api/transparency/NL-NH/2025');
    await feed(6, '2025-06-02T09:00:00Z');
    await t.waitFor(async () => (await referralCount()) === 18, '18 referrals');
    const again = await t.service.request('GET', '/api/transparency/NL-NH/2025');
    expect(again.body).toEqual(first.body);
    await expect(t.service.dataSource.query(`update published_report set figures = '{}'::jsonb`)).rejects.toThrow(
      /frozen/,
    );
  });

  it('stops publishing when the office opts out', async () => {
    expect(
      (
        await t.service.request('PUT', '/api/publication-opt-ins/NL-NH', {
          token: prosecutor(),
          body: { optedIn: false },
        })
      ).status,
    ).toBe(200);
    expect((await t.service.request('GET', '/api/transparency/NL-NH/2025')).status).toBe(404);
  });
});

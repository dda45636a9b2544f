/**
 * The ways a referral leaves screening and matching other than straight to a partner (issue #8):
 * ineligible, needs review then decided by an admin, declined then accepted by the next
 * partner, and every offer expired → unmatched. Each test has its own office and partners
 * (its own jurisdiction), so no other test's partner sees its offers.
 */
import { createTestTopics, eventually, type TestTopics } from '@rj/shared/testing';
import { startPlatform, type RunningPlatform } from './platform';
import {
  eventuallyBody,
  expectStatus,
  pendingOffer,
  referralBody,
  referralStatus,
  registerOffice,
  registerPartner,
  submitReferral,
  WAIT_MS,
  type Partner,
} from './support/actors';
import { caseOf } from './support/mediation';

describe('referrals that do not go straight to a partner', () => {
  let topics: TestTopics;
  let platform: RunningPlatform;
  let admin: string;

  beforeAll(async () => {
    topics = await createTestTopics();
    platform = await startPlatform({
      topicPrefix: topics.prefix,
      serviceEnv: { 'partner-matching': { OFFER_SWEEP_EVERY_MS: '1000' } },
    });
    admin = platform.token('admin', null, 'admin-routes');
  });

  afterAll(async () => {
    await platform?.stop();
    await topics?.delete();
  });

  const offersOf = async (partner: Partner) =>
    expectStatus(
      await platform.request('partner-matching', 'GET', '/api/offers', { token: partner.admin }),
      200,
      'offers',
    ).body.items as any[];

  it('screens an excluded offence as ineligible and offers it to nobody', async () => {
    const office = await registerOffice(platform, admin);
    const partner = await registerPartner(platform, admin, office.jurisdiction, {
      offenseCategories: ['domestic_violence', 'property_damage'],
    });
    const excluded = await submitReferral(
      platform,
      office,
      referralBody(office.jurisdiction, {
        offense: { code: 'SR-300', category: 'domestic_violence', severity: 'misdemeanor' },
      }),
    );
    expect(excluded.status).toBe('ineligible');
    expect(excluded.screening).toMatchObject({
      outcome: 'ineligible',
      reasons: [{ rule: 'excluded_offense_category', detail: 'domestic_violence' }],
    });

    // A later eligible referral reaches the same partner: by then the excluded one would have too.
    const control = await submitReferral(platform, office, referralBody(office.jurisdiction));
    await pendingOffer(platform, partner, control.id);
    expect((await offersOf(partner)).map((o) => o.referralId)).toEqual([control.id]);
    expect(
      (await platform.request('referral-intake', 'GET', `/api/referrals/${excluded.id}`, { token: office.prosecutor }))
        .body.status,
    ).toBe('ineligible');
  });

  it('holds a referral with a protective order for review, and matches it once an admin decides it is eligible', async () => {
    const office = await registerOffice(platform, admin);
    const partner = await registerPartner(platform, admin, office.jurisdiction);
    const held = await submitReferral(platform, office, referralBody(office.jurisdiction, { protectiveOrder: true }));
    expect(held).toMatchObject({ status: 'needs_review', screening: { outcome: 'needs_review' } });

    const decided = expectStatus(
      await platform.request('referral-intake', 'POST', `/api/referrals/${held.id}/review`, {
        token: admin,
        body: { decision: 'eligible', reason: 'The order allows a mediated meeting' },
      }),
      200,
      'review',
    );
    expect(decided.body.status).toBe('matching');
    await pendingOffer(platform, partner, held.id);
    await referralStatus(platform, office, held.id, 'offered');
    // Decided once: a second decision is a rule violation.
    expect(
      (
        await platform.request('referral-intake', 'POST', `/api/referrals/${held.id}/review`, {
          token: admin,
          body: { decision: 'ineligible', reason: 'Second thoughts' },
        })
      ).status,
    ).toBe(409);
  });

  it('offers a declined referral to the next partner, whose acceptance opens the case there', async () => {
    const office = await registerOffice(platform, admin);
    const partners = [
      await registerPartner(platform, admin, office.jurisdiction),
      await registerPartner(platform, admin, office.jurisdiction),
    ];
    const referral = await submitReferral(platform, office, referralBody(office.jurisdiction));

    // Whichever partner ranks first gets the first offer, and declines it.
    const first = await eventually(
      async () => {
        for (const partner of partners)
          if ((await offersOf(partner)).some((o) => o.referralId === referral.id)) return partner;
        return null;
      },
      WAIT_MS,
      'a first offer',
    );
    const next = partners.find((p) => p !== first)!;
    const declined = await pendingOffer(platform, first, referral.id);
    expectStatus(
      await platform.request('partner-matching', 'POST', `/api/offers/${declined.id}/decline`, {
        token: first.admin,
        body: { reasonCode: 'no_capacity' },
      }),
      200,
      'decline',
    );

    const offer = await pendingOffer(platform, next, referral.id);
    expectStatus(
      await platform.request('partner-matching', 'POST', `/api/offers/${offer.id}/accept`, { token: next.admin }),
      200,
      'accept',
    );
    const kase = await caseOf(platform, next, referral.id);
    expect(kase.partnerId).toBe(next.id);
    const assigned = await eventuallyBody(
      platform,
      'referral-intake',
      `/api/referrals/${referral.id}`,
      office.prosecutor,
      (r: any) => r.status === 'assigned' && !!r.caseId,
      'assigned',
    );
    expect(assigned.partnerId).toBe(next.id);
    // The partner who declined has no case and cannot take the offer back.
    expect(
      (await platform.request('partner-matching', 'POST', `/api/offers/${declined.id}/accept`, { token: first.admin }))
        .status,
    ).toBe(409);
    const theirCases = expectStatus(
      await platform.request('mediation-scheduling', 'GET', '/api/cases', { token: first.admin }),
      200,
      'cases',
    ).body.items;
    expect(theirCases).toEqual([]);
  });

  it('marks a referral unmatched once every partner let its offer expire, and then accepts no late answer', async () => {
    const office = await registerOffice(platform, admin);
    // 0.003 h ≈ 11 s to answer: the partners stay silent.
    const partners = [
      await registerPartner(platform, admin, office.jurisdiction, { responseHours: 0.003 }),
      await registerPartner(platform, admin, office.jurisdiction, { responseHours: 0.003 }),
    ];
    const referral = await submitReferral(platform, office, referralBody(office.jurisdiction));
    await referralStatus(platform, office, referral.id, 'unmatched');

    const answered = await Promise.all(
      partners.map(async (partner) => (await offersOf(partner)).filter((o) => o.referralId === referral.id)),
    );
    expect(answered.map((offers) => offers.map((o) => o.status))).toEqual([['expired'], ['expired']]);
    const late = answered[0][0];
    expect(
      (
        await platform.request('partner-matching', 'POST', `/api/offers/${late.id}/accept`, {
          token: partners[0].admin,
        })
      ).status,
    ).toBe(409);
    const timeline = await eventuallyBody(
      platform,
      'audit-ledger',
      `/api/audit/referrals/${referral.id}/timeline`,
      platform.token('auditor'),
      (b: any) => b.items.some((i: any) => i.eventType === 'referral.unmatched'),
      'unmatched in the ledger',
    );
    expect(timeline.items.filter((i: any) => i.eventType === 'offer.expired')).toHaveLength(2);
  });
});

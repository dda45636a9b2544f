import { randomUUID } from 'node:crypto';
import { Topics } from '@rj/shared/contracts';
import { eventsOf, hasTypes } from './test/events';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

/**
 * product.md, Safety first: lifting the exclusion of domestic violence or a sexual offence takes
 * two admins. One asks (202, nothing changes); another approves, and the override is applied as
 * a single admin's is; the asking admin cannot approve it alone.
 */
describe('referral-intake: overrides of excluded domestic- and sexual-violence categories need a second admin', () => {
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };
  let firstAdmin: string;
  let secondAdmin: string;

  beforeAll(async () => {
    intake = await startIntakeHarness();
    office = await intake.registerOffice(['NL-NH']);
    firstAdmin = intake.token('admin', null, 'admin-anna');
    secondAdmin = intake.token('admin', null, 'admin-bert');
  });
  afterAll(() => intake?.close());

  const excluded = async (category: string) => {
    const body = referralBody({ offense: { code: 'SR-300', category, severity: 'misdemeanor' } });
    const created = await intake.submit(office.prosecutor, body);
    expect(created.body.status).toBe('ineligible');
    return { id: created.body.id as string, body };
  };
  const review = (token: string, id: string, reason = 'Specialist DV programme under the regional MOU') =>
    intake.request('POST', `/api/referrals/${id}/review`, { token, body: { decision: 'eligible', reason } });
  const reviewedEvents = async (id: string) =>
    (
      await intake.dataSource.query(
        `select count(*)::int as n from outbox where event_type = 'referral.reviewed' and payload->>'referralId' = $1`,
        [id],
      )
    )[0].n as number;

  it("records one admin's override as a pending request and changes nothing yet", async () => {
    const referral = await excluded('domestic_violence');
    const asked = await review(firstAdmin, referral.id);
    expect(asked).toMatchObject({
      status: 202,
      body: {
        id: expect.any(String),
        referralId: referral.id,
        status: 'pending',
        category: 'domestic_violence',
        requestedBy: 'admin-anna',
        decidedBy: null,
        referral: {
          id: referral.id,
          status: 'ineligible',
          offense: { category: 'domestic_violence' },
          screeningReasons: [{ rule: 'excluded_offense_category', detail: 'domestic_violence' }],
        },
      },
    });
    expect(asked.body).not.toHaveProperty('reason');
    expect(
      (await intake.request('GET', `/api/referrals/${referral.id}`, { token: office.prosecutor })).body,
    ).toMatchObject({ status: 'ineligible', review: null, requiresSpecialist: false });
    expect(await reviewedEvents(referral.id)).toBe(0);
    const [row] = await intake.dataSource.query('select reason from review_override_request where id = $1', [
      asked.body.id,
    ]);
    expect(row.reason).toMatch(/^pii:1:/);
  });

  it('refuses the asking admin as approver with a plain sentence (409), then applies the override when another admin approves', async () => {
    const referral = await excluded('sexual_offense');
    const asked = await review(firstAdmin, referral.id, 'Reviewed with the specialist team');

    const alone = await intake.request('POST', `/api/review-overrides/${asked.body.id}/approve`, { token: firstAdmin });
    expect(alone).toMatchObject({
      status: 409,
      body: {
        rule: 'override_needs_second_admin',
        detail: 'You asked for this override yourself, so you cannot also approve it. Another admin has to approve it.',
      },
    });
    const twice = await review(secondAdmin, referral.id);
    expect(twice).toMatchObject({ status: 409, body: { rule: 'override_already_pending', requestId: asked.body.id } });

    const approved = await intake.request('POST', `/api/review-overrides/${asked.body.id}/approve`, {
      token: secondAdmin,
    });
    expect(approved).toMatchObject({
      status: 200,
      body: {
        status: 'approved',
        requestedBy: 'admin-anna',
        decidedBy: 'admin-bert',
        referral: { status: 'matching', requiresSpecialist: true },
      },
    });
    const detail = await intake.request('GET', `/api/referrals/${referral.id}`, { token: intake.admin });
    expect(detail.body).toMatchObject({
      status: 'matching',
      specialistCategory: 'sexual_offense',
      review: { decision: 'eligible', reason: 'Reviewed with the specialist team', reviewerRole: 'admin' },
    });
    expect(
      detail.body.statusHistory.map((step: { status: string; cause: string }) => [step.status, step.cause]).at(-1),
    ).toEqual(['matching', 'referral.reviewed']);

    const events = await eventsOf(intake.topics.prefix, Topics.referral, referral.id, hasTypes('referral.reviewed'));
    const reviewed = events.filter((event) => event.type === 'referral.reviewed');
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]).toMatchObject({
      actor: { sub: 'admin-bert', role: 'admin' },
      data: {
        decision: 'eligible',
        reviewerRole: 'admin',
        overrodeExclusion: true,
        requiresSpecialist: true,
        specialistCategory: 'sexual_offense',
        reasonRecorded: true,
      },
    });
    expect(JSON.stringify(events)).not.toContain('specialist team');

    expect(
      await intake.request('POST', `/api/review-overrides/${asked.body.id}/approve`, { token: intake.admin }),
    ).toMatchObject({ status: 409, body: { rule: 'override_already_decided' } });
  });

  it('lets any admin reject a request, the asking one too; the referral stays ineligible and may be asked for again', async () => {
    const referral = await excluded('domestic_violence');
    const asked = await review(firstAdmin, referral.id);
    const rejected = await intake.request('POST', `/api/review-overrides/${asked.body.id}/reject`, {
      token: firstAdmin,
    });
    expect(rejected).toMatchObject({
      status: 200,
      body: { status: 'rejected', decidedBy: 'admin-anna', referral: { status: 'ineligible' } },
    });
    expect(await reviewedEvents(referral.id)).toBe(0);
    expect((await review(secondAdmin, referral.id)).status).toBe(202);
  });

  it('lists requests with offence facts and no names; one request shows its reason, and that read is logged', async () => {
    const referral = await excluded('domestic_violence');
    const asked = await review(firstAdmin, referral.id, `Reason ${randomUUID()}`);
    const pending = await intake.request('GET', '/api/review-overrides?status=pending&limit=200', {
      token: secondAdmin,
    });
    expect(pending.status).toBe(200);
    const item = pending.body.items.find((entry: { id: string }) => entry.id === asked.body.id);
    expect(item).toMatchObject({
      status: 'pending',
      referral: { offense: { code: 'SR-300', category: 'domestic_violence', severity: 'misdemeanor' } },
    });
    expect(pending.body.items.every((entry: { status: string }) => entry.status === 'pending')).toBe(true);
    expect(JSON.stringify(pending.body)).not.toMatch(/Harmed|Responsible|PARKET|pii:1:|Reason /);
    expect(JSON.stringify(pending.body)).not.toContain(referral.body.parties[0].fullName);

    const one = await intake.request('GET', `/api/review-overrides/${asked.body.id}`, { token: secondAdmin });
    expect(one.body).toMatchObject({ id: asked.body.id, reason: expect.stringMatching(/^Reason /) });
    const reads = await eventsOf(intake.topics.prefix, Topics.access, referral.id, (events) =>
      events.some((event) => event.type === 'personal_data.read'),
    );
    expect(reads[0]).toMatchObject({
      actor: { sub: 'admin-bert' },
      data: { endpoint: 'GET /api/review-overrides/{id}', fields: ['reviewOverride.reason'] },
    });

    expect(
      (await intake.request('DELETE', `/api/referrals/${referral.id}/personal-data`, { token: intake.admin })).status,
    ).toBe(200);
    expect(
      (await intake.request('GET', `/api/review-overrides/${asked.body.id}`, { token: secondAdmin })).body.reason,
    ).toBeNull();
    expect(
      await intake.request('POST', `/api/review-overrides/${asked.body.id}/approve`, { token: secondAdmin }),
    ).toMatchObject({ status: 409, body: { rule: 'review_reason_required' } });
  });

  it('keeps the single-admin review for a needs_review screening and lets no other role near the requests', async () => {
    const reviewable = await intake.submit(office.prosecutor, referralBody({ protectiveOrder: true }));
    expect((await review(firstAdmin, reviewable.body.id)).status).toBe(200);
    const referral = await excluded('domestic_violence');
    expect((await review(office.prosecutor, referral.id)).status).toBe(403);
    const asked = await review(firstAdmin, referral.id);
    for (const token of [office.prosecutor, intake.as('auditor'), intake.as('partner_admin', randomUUID())]) {
      expect((await intake.request('GET', '/api/review-overrides', { token })).status).toBe(403);
      expect((await intake.request('POST', `/api/review-overrides/${asked.body.id}/approve`, { token })).status).toBe(
        403,
      );
    }
    expect(
      (await intake.request('POST', `/api/review-overrides/${randomUUID()}/approve`, { token: secondAdmin })).status,
    ).toBe(404);
    expect((await intake.request('GET', '/api/review-overrides?status=maybe', { token: secondAdmin })).status).toBe(
      400,
    );
  });
});

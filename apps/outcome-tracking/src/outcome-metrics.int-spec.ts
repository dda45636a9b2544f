import { uuidv7 } from '@rj/shared/contracts';
import { feedReferral, type Scenario, type ScenarioOptions } from './test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from './test/outcome-harness';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SUPPRESSED_COUNT = { kind: 'count', value: null, suppressed: true };

describe('outcome-tracking: figures, access and validation', () => {
  let t: OutcomeHarness;
  const officeId = uuidv7();
  const partnerId = uuidv7();
  const mediator = (s: Scenario) => t.service.token('mediator', s.partnerId, s.mediatorSub);
  const fed = async (options: ScenarioOptions, status: string) => {
    const s = await feedReferral(t.feeder, t.keys, { officeId, partnerId, ...options });
    await t.waitFor(
      async () =>
        (
          (await t.service.dataSource.query('select status from "case" where id = $1', [s.caseId])) as {
            status: string;
          }[]
        )[0]?.status === status,
      status,
    );
    // The case's status comes from the scheduling topic; the acceptance the figures rest on comes
    // from the matching topic, in no fixed order with it: wait for that too.
    const accepted = async () =>
      (
        (await t.service.dataSource.query(
          'select 1 from referral r join offer o on o.referral_id = r.id where r.id = $1 and r.accepted_at is not null and o.answered_at is not null',
          [s.referralId],
        )) as unknown[]
      ).length > 0;
    await t.waitFor(accepted, 'offer accepted');
    return s;
  };
  const agree = async (s: Scenario, amount: string) =>
    (
      await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
        token: mediator(s),
        body: {
          terms: [{ kind: 'restitution', dueBy: inDays(30), amount: { amount, currency: 'EUR' }, recipient: 'harmed' }],
          consentedBy: [s.harmedId, s.responsibleId],
        },
      })
    ).body as { agreement: { id: string; terms: { id: string }[] } };
  const pay = (s: Scenario, a: { agreement: { id: string; terms: { id: string }[] } }, amount: string) =>
    t.service.request('POST', `/api/agreements/${a.agreement.id}/terms/${a.agreement.terms[0].id}/progress`, {
      token: mediator(s),
      body: { amount: { amount, currency: 'EUR' } },
    });
  let completed: Scenario;
  let notKept: Scenario;

  beforeAll(async () => {
    t = await startOutcomeHarness({ METRICS_SUPPRESSION_THRESHOLD: '3' });
    // The fixture, computed by hand below: three referrals of one office, submitted 1–3 March 2026.
    completed = await fed(
      { timeline: { submittedAt: '2026-03-01T08:00:00Z', acceptedAfterDays: 2, dialogueAfterDays: 10 } },
      'awaiting_agreement',
    );
    notKept = await fed(
      { timeline: { submittedAt: '2026-03-02T08:00:00Z', acceptedAfterDays: 4, dialogueAfterDays: 20 } },
      'awaiting_agreement',
    );
    await fed(
      {
        timeline: { submittedAt: '2026-03-03T08:00:00Z', acceptedAfterDays: 9, dialogueAfterDays: 30 },
        conclusion: { agreementReached: false, reasonCode: 'no_agreement' },
      },
      'returned',
    );
    const a1 = await agree(completed, '100.00');
    expect((await pay(completed, a1, '100')).status).toBe(201);
    const a2 = await agree(notKept, '50.00');
    expect((await pay(notKept, a2, '20.50')).status).toBe(201);
    expect(
      (
        await t.service.request('POST', `/api/cases/${notKept.caseId}/close`, {
          token: mediator(notKept),
          body: { reasonCode: 'agreement_not_completed' },
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  it('computes the figures of the hand-made fixture and withholds those resting on fewer than 3', async () => {
    const res = await t.service.request('GET', '/api/metrics?from=2026-03-01&to=2026-03-03&jurisdiction=NL-NH', {
      token: t.service.token('prosecutor', officeId),
    });
    expect(res.status).toBe(200);
    const f = res.body.figures;
    expect(f.referralsBySource).toEqual({ prosecutor: { kind: 'count', value: 3 } });
    const SUPPRESSED_RATE = { kind: 'rate', numerator: null, denominator: null, value: null, suppressed: true };
    // Every party consented in 3 of 3 cases: 3 reaches the threshold, but its complement (0 who
    // did not) does not, and a rate of 1 would say so — withheld by the count-and-complement rule.
    expect(f.participationRate).toEqual(SUPPRESSED_RATE);
    // 2 of 3 reached an agreement: the count itself is under 3.
    expect(f.agreementRate).toEqual(SUPPRESSED_RATE);
    expect(f.daysToAcceptance).toEqual({ kind: 'median', n: 3, value: 4 });
    expect(f.daysToDialogue).toEqual({ kind: 'median', n: 3, value: 20 });
    // Offers made a day after submission, answered on acceptance: 24 h, 72 h, 192 h.
    expect(f.partnerResponseHours).toEqual({ kind: 'median', n: 3, value: 72 });
    // Small counts: one completed, two returned; two final agreements; 150.00 EUR over two agreements.
    expect(f.referralsByStatus).toEqual({ completed: SUPPRESSED_COUNT, returned: SUPPRESSED_COUNT });
    expect(f.completionRate).toEqual({
      kind: 'rate',
      numerator: null,
      denominator: null,
      value: null,
      suppressed: true,
    });
    expect(f.restitutionAgreed).toEqual({ EUR: { kind: 'total', n: null, value: null, suppressed: true } });
    expect(f.daysToFirstContact).toMatchObject({ value: null, suppressed: true });
  });

  it('narrows by period and by office: two referrals are withheld, another office sees none of these', async () => {
    const narrowed = await t.service.request('GET', '/api/metrics?to=2026-03-02', { token: t.service.token('admin') });
    expect(narrowed.body.figures.referralsBySource).toEqual({ prosecutor: SUPPRESSED_COUNT });
    const other = await t.service.request('GET', '/api/metrics', { token: t.service.token('prosecutor', uuidv7()) });
    expect(other.body.figures.referralsBySource).toEqual({});
    expect((await t.service.request('GET', '/api/metrics', { token: t.service.token('auditor') })).status).toBe(200);
  });

  it.each([
    ['mediator', 403],
    ['partner_admin', 403],
    [null, 401],
  ] as const)('answers %s on the figures with %s', async (role, status) => {
    const token = role ? t.service.token(role, partnerId) : undefined;
    expect((await t.service.request('GET', '/api/metrics', { token })).status).toBe(status);
  });

  it('lets only the assigned mediator act, hides other organisations’ objects as 404 and refuses other roles with 403', async () => {
    const path = `/api/cases/${completed.caseId}/close`;
    const body = { reasonCode: 'agreement_not_completed' };
    expect((await t.service.request('POST', path, { body })).status).toBe(401);
    expect(
      (await t.service.request('POST', path, { token: t.service.token('prosecutor', officeId), body })).status,
    ).toBe(403);
    expect(
      (await t.service.request('POST', path, { token: t.service.token('partner_admin', partnerId), body })).status,
    ).toBe(403);
    expect(
      (
        await t.service.request('POST', path, {
          token: t.service.token('mediator', uuidv7(), completed.mediatorSub),
          body,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.service.request('POST', path, { token: t.service.token('mediator', partnerId, 'someone-else'), body }))
        .status,
    ).toBe(403);
    const outcome = `/api/cases/${completed.caseId}/outcome`;
    expect(
      (await t.service.request('GET', outcome, { token: t.service.token('partner_admin', partnerId) })).status,
    ).toBe(200);
    expect(
      (await t.service.request('GET', outcome, { token: t.service.token('partner_admin', uuidv7()) })).status,
    ).toBe(404);
    expect((await t.service.request('GET', outcome, { token: t.service.token('prosecutor', officeId) })).status).toBe(
      403,
    );
    const report = `/api/referrals/${completed.referralId}/outcome`;
    expect((await t.service.request('GET', report, { token: t.service.token('prosecutor', uuidv7()) })).status).toBe(
      404,
    );
    expect((await t.service.request('GET', report, { token: mediator(completed) })).status).toBe(403);
    expect((await t.service.request('GET', '/api/follow-ups', { token: mediator(completed) })).status).toBe(403);
  });

  it.each([
    ['three decimals', { amount: { amount: '12.345', currency: 'EUR' } }, 'terms[0].amount.amount'],
    ['a lowercase currency', { amount: { amount: '12', currency: 'eur' } }, 'terms[0].amount.currency'],
    ['a negative amount', { amount: { amount: '-5', currency: 'EUR' } }, 'terms[0].amount.amount'],
    ['a zero amount', { amount: { amount: '0.00', currency: 'EUR' } }, 'terms[0].amount.amount'],
    ['an impossible date', { dueBy: '2026-02-30' }, 'terms[0].dueBy'],
    ['a past date', { dueBy: '2020-01-01' }, 'terms[0].dueBy'],
  ])('refuses an agreement with %s as 400 naming the field', async (_name, change, field) => {
    const s = await fed({}, 'awaiting_agreement');
    const term = {
      kind: 'restitution',
      dueBy: inDays(30),
      amount: { amount: '10.00', currency: 'EUR' },
      recipient: 'harmed',
      ...change,
    };
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token: mediator(s),
      body: { terms: [term], consentedBy: [s.harmedId, s.responsibleId] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses unknown term kinds, unknown fields and malformed payments as 400', async () => {
    const s = await fed({}, 'awaiting_agreement');
    const post = (terms: unknown[]) =>
      t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
        token: mediator(s),
        body: { terms, consentedBy: [s.harmedId, s.responsibleId] },
      });
    expect((await post([{ kind: 'fine', dueBy: inDays(3) }])).status).toBe(400);
    expect((await post([{ kind: 'other', dueBy: inDays(3), colour: 'red' }])).status).toBe(400);
    const a = await agree(s, '10.00');
    expect((await pay(s, a, 'abc')).status).toBe(400);
    expect(
      (
        await t.service.request('POST', `/api/agreements/${a.agreement.id}/terms/${a.agreement.terms[0].id}/progress`, {
          token: mediator(s),
          body: { amount: 10 },
        })
      ).status,
    ).toBe(400);
  });
});

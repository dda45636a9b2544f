import { addMonths } from '@rj/outcome/domain';
import { ContactConfirmed, ReferralWithdrawn, uuidv7 } from '@rj/shared/contracts';
import { feedReferral, type Scenario, type ScenarioOptions } from './test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from './test/outcome-harness';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('outcome-tracking: agreement to report-back', () => {
  let t: OutcomeHarness;
  const mediator = (s: Scenario) => t.service.token('mediator', s.partnerId, s.mediatorSub);
  const caseStatus = async (caseId: string) =>
    ((await t.service.dataSource.query('select status from "case" where id = $1', [caseId])) as { status: string }[])[0]
      ?.status;
  const fed = async (options: ScenarioOptions, status = 'awaiting_agreement') => {
    const s = await feedReferral(t.feeder, t.keys, options);
    await t.waitFor(async () => (await caseStatus(s.caseId)) === status, `case ${status}`);
    return s;
  };
  const agree = async (s: Scenario, terms: unknown[]) => {
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token: mediator(s),
      body: { terms, consentedBy: [s.harmedId, s.responsibleId] },
    });
    expect(res.status).toBe(201);
    return res.body as { agreement: { id: string; terms: { id: string; kind: string }[] } };
  };
  const progress = (s: Scenario, agreementId: string, termId: string, body: unknown) =>
    t.service.request('POST', `/api/agreements/${agreementId}/terms/${termId}/progress`, { token: mediator(s), body });

  beforeAll(async () => {
    t = await startOutcomeHarness();
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.set(null));

  it('returns a case concluded without agreement with its neutral reason, even when the case arrives before its referral', async () => {
    const s = await fed(
      { caseFirst: true, conclusion: { agreementReached: false, reasonCode: 'no_agreement' } },
      'returned',
    );
    const returned = await t.emitted('case.returned', s.referralId);
    expect(returned.map((e) => e.data)).toEqual([{ caseId: s.caseId, reasonCode: 'no_agreement' }]);
  });

  it("is ready once its database, Kafka and the jobs' Redis answer (the shared readiness checks)", async () => {
    const ready = await t.service.request('GET', '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { checks: { postgres: 'up', kafka: 'up', redis: 'up' } } });
  });

  it('emits nothing for a case concluded because the referral was withdrawn', async () => {
    const s = await fed({ conclusion: { agreementReached: false, reasonCode: 'referral_withdrawn' } }, 'withdrawn');
    expect(await t.emitted(undefined, s.referralId)).toEqual([]);
  });

  it('completes the case when every term is fulfilled and e-mails the person harmed only with their consent', async () => {
    const consenting = await fed({
      consents: ['receive_outcome', 'share_outcome_with_referrer'],
      harmedEmail: 'anna@consented.example',
    });
    const silent = await fed({ harmedEmail: 'bea@silent.example' });
    for (const s of [consenting, silent]) {
      const { agreement } = await agree(s, [
        {
          kind: 'restitution',
          dueBy: inDays(30),
          amount: { amount: '150.00', currency: 'EUR' },
          recipient: 'harmed',
          instalments: 2,
        },
        { kind: 'apology_letter', dueBy: inDays(10), description: 'A handwritten letter' },
      ]);
      const [money, letter] = agreement.terms;
      expect(
        (await progress(s, agreement.id, money.id, { amount: { amount: '100', currency: 'EUR' } })).body.term,
      ).toMatchObject({ paid: { amount: '100.00' }, status: 'open' });
      expect((await progress(s, agreement.id, money.id, { amount: { amount: '50.01', currency: 'EUR' } })).status).toBe(
        409,
      );
      expect(
        (await progress(s, agreement.id, money.id, { amount: { amount: '50', currency: 'EUR' } })).body.term.status,
      ).toBe('fulfilled');
      expect((await progress(s, agreement.id, letter.id, { done: true, note: 'Delivered by hand' })).status).toBe(201);
    }
    const prosecutor = t.service.token('prosecutor', consenting.officeId);
    const outcome = await t.service.request('GET', `/api/referrals/${consenting.referralId}/outcome`, {
      token: prosecutor,
    });
    expect(outcome.body).toMatchObject({
      result: 'completed',
      termDetailsShared: true,
      terms: [
        { kind: 'restitution', status: 'fulfilled' },
        { kind: 'apology_letter', status: 'fulfilled' },
      ],
    });
    const unshared = await t.service.request('GET', `/api/referrals/${silent.referralId}/outcome`, {
      token: t.service.token('prosecutor', silent.officeId),
    });
    expect(unshared.body).toMatchObject({ result: 'completed', termDetailsShared: false, terms: null });

    const mail = await t.smtp.waitFor((m) => m.to.includes('anna@consented.example'));
    expect(mail.text).toContain('Every term of the agreement has been completed');
    expect(mail.subject).toBe('An update you asked for');
    expect(mail.text).not.toMatch(/Anna|Tom/);
    expect(await t.emitted('case.completed', consenting.referralId)).toHaveLength(1);
    expect((await t.emitted('harmed_party.informed', consenting.referralId)).map((e) => e.data)).toEqual([
      { caseId: consenting.caseId, participantId: consenting.harmedId, result: 'completed', channel: 'email' },
    ]);
    expect(await t.emitted('harmed_party.informed', silent.referralId)).toEqual([]);
    expect(t.smtp.messages.some((m) => m.to.includes('bea@silent.example'))).toBe(false);
    const stored: { description: string; note: string }[] = await t.service.dataSource.query(
      `select t.description, p.note from term t join term_progress p on p.term_id = t.id where t.agreement_id = $1 and t.kind = 'apology_letter'`,
      [(await t.emitted('agreement.recorded', consenting.referralId))[0].data.agreementId],
    );
    expect(stored[0].description).toMatch(/^pii:1:/);
    expect(stored[0].note).toMatch(/^pii:1:/);
  });

  it('flags an overdue term once, on the injected clock, and e-mails the assigned mediator', async () => {
    const s = await fed({});
    const { agreement } = await agree(s, [{ kind: 'community_service', dueBy: inDays(3), hours: 10 }]);
    t.clock.set(new Date(Date.now() + 5 * DAY));
    const overdue = await t.waitForEvents('term.overdue', s.referralId);
    expect(overdue.map((e) => e.data)).toEqual([
      { agreementId: agreement.id, termId: agreement.terms[0].id, dueBy: inDays(3) },
    ]);
    const mail = await t.smtp.waitFor((m) => m.to.includes(`${s.mediatorSub}@partner.example`));
    expect(mail.text).toContain(s.caseId);
    // A later scan is proven by a second case falling overdue after the first was flagged;
    // the same scan saw the first term still overdue and must not have flagged it again.
    const later = await fed({});
    await agree(later, [{ kind: 'community_service', dueBy: inDays(6), hours: 2 }]);
    t.clock.set(new Date(Date.now() + 8 * DAY));
    await t.waitForEvents('term.overdue', later.referralId);
    expect(await t.emitted('term.overdue', s.referralId)).toHaveLength(1);
    const view = await t.service.request('GET', `/api/cases/${s.caseId}/outcome`, { token: mediator(s) });
    expect(view.body.agreement.terms[0].status).toBe('overdue');
  });

  it('amends a due date with every participant consenting, and refuses one without', async () => {
    const s = await fed({});
    const { agreement } = await agree(s, [{ kind: 'programme', dueBy: inDays(5) }]);
    const path = `/api/agreements/${agreement.id}/terms/${agreement.terms[0].id}`;
    const refused = await t.service.request('PATCH', path, {
      token: mediator(s),
      body: { dueBy: inDays(40), consentedBy: [s.harmedId] },
    });
    expect(refused.status).toBe(409);
    const amended = await t.service.request('PATCH', path, {
      token: mediator(s),
      body: { dueBy: inDays(40), consentedBy: [s.harmedId, s.responsibleId] },
    });
    expect(amended.body.term).toMatchObject({ dueBy: inDays(40), status: 'open' });
    expect((await t.emitted('term.amended', s.referralId)).map((e) => e.data.dueBy)).toEqual([inDays(40)]);
  });

  it('returns a case whose terms were not kept when the mediator closes it, telling the consenting person harmed', async () => {
    const s = await fed({ consents: ['receive_outcome'], harmedEmail: 'carla@notkept.example' });
    await agree(s, [{ kind: 'apology_letter', dueBy: inDays(5) }]);
    const closed = await t.service.request('POST', `/api/cases/${s.caseId}/close`, {
      token: mediator(s),
      body: { reasonCode: 'agreement_not_completed' },
    });
    expect(closed).toMatchObject({ status: 200, body: { status: 'returned' } });
    expect((await t.emitted('case.returned', s.referralId)).map((e) => e.data.reasonCode)).toEqual([
      'agreement_not_completed',
    ]);
    const mail = await t.smtp.waitFor((m) => m.to.includes('carla@notkept.example'));
    expect(mail.text).toContain('were not all completed');
    const again = await t.service.request('POST', `/api/cases/${s.caseId}/close`, {
      token: mediator(s),
      body: { reasonCode: 'agreement_not_completed' },
    });
    expect(again.status).toBe(409);
  });

  it('tells the person harmed only on a channel confirmed within the window, and on the one a mediator confirmed last', async () => {
    const skipReasons = async (referralId: string) =>
      (
        (await t.service.dataSource.query(
          `select last_error from notification where kind = 'outcome.harmed_party' and referral_id = $1`,
          [referralId],
        )) as { last_error: string }[]
      ).map((n) => n.last_error);
    const lapsed = await fed({ consents: ['receive_outcome'], harmedEmail: 'dana@lapsed.example' });
    const reconfirmed = await fed({
      consents: ['receive_outcome'],
      harmedEmail: 'eva@given-up.example',
      harmedContactConfirmed: { email: 'eva@confirmed.example', at: new Date(Date.now() + 20 * DAY).toISOString() },
    });
    for (const s of [lapsed, reconfirmed]) await agree(s, [{ kind: 'apology_letter', dueBy: inDays(60) }]);
    // 35 days after both cases opened: the referral's details have lapsed, the mediator's confirmation (day 20) holds.
    t.clock.set(new Date(Date.now() + 35 * DAY));
    for (const s of [lapsed, reconfirmed]) {
      const closed = await t.service.request('POST', `/api/cases/${s.caseId}/close`, {
        token: mediator(s),
        body: { reasonCode: 'agreement_not_completed' },
      });
      expect(closed.status).toBe(200);
    }
    const mail = await t.smtp.waitFor((m) => m.to.includes('eva@confirmed.example'));
    expect(mail.text).toContain('were not all completed');
    expect((await t.emitted('harmed_party.informed', reconfirmed.referralId)).map((e) => e.data.participantId)).toEqual(
      [reconfirmed.harmedId],
    );
    // The closing transaction recorded the lapsed channel's skip before it answered 200.
    expect(await skipReasons(lapsed.referralId)).toEqual(['no_safe_channel']);
    expect(await t.emitted('harmed_party.informed', lapsed.referralId)).toEqual([]);
    expect(
      t.smtp.messages.some((m) => m.to.includes('dana@lapsed.example') || m.to.includes('eva@given-up.example')),
    ).toBe(false);
    const owed = async (s: Scenario) =>
      (await t.service.request('GET', `/api/cases/${s.caseId}/outcome`, { token: mediator(s) })).body
        .harmedPartyNoticesOwed;
    expect([await owed(lapsed), await owed(reconfirmed)]).toEqual([1, 0]);

    // The mediator phones Dana and confirms a new address with her: the owed notice goes out on it.
    const nowSafe = lapsed.encrypt('dana@now-safe.example');
    await t.feeder.send(ContactConfirmed, {
      referralId: lapsed.referralId,
      aggregateId: lapsed.caseId,
      occurredAt: new Date(Date.now() + 36 * DAY).toISOString(),
      data: {
        caseId: lapsed.caseId,
        participantId: lapsed.harmedId,
        contact: { email: nowSafe, safeChannels: ['email'] },
      },
    });
    await t.waitFor(async () => (await owed(lapsed)) === 0, 'the owed notice sent');
    expect((await t.emitted('harmed_party.informed', lapsed.referralId)).map((e) => e.data)).toEqual([
      { caseId: lapsed.caseId, participantId: lapsed.harmedId, result: 'not_completed', channel: 'email' },
    ]);
    const queued = (await t.service.dataSource.query(
      `select status, recipient from notification where kind = 'outcome.harmed_party' and referral_id = $1 and status <> 'skipped'`,
      [lapsed.referralId],
    )) as { status: string; recipient: string }[];
    expect(queued).toEqual([{ status: expect.any(String), recipient: nowSafe }]);
  });

  it('announces a follow-up when it falls due, e-mails the office, and records the answer once', async () => {
    const s = await fed({});
    const { agreement } = await agree(s, [{ kind: 'other', dueBy: inDays(1) }]);
    await progress(s, agreement.id, agreement.terms[0].id, { done: true });
    const prosecutor = t.service.token('prosecutor', s.officeId);
    expect((await t.service.request('GET', '/api/follow-ups', { token: prosecutor })).body.items).toEqual([]);
    t.clock.set(new Date(`${addMonths(inDays(0), 6)}T12:00:00Z`));
    const due = await t.waitForEvents('follow_up.due', s.referralId);
    expect(due.map((e) => e.data.monthsAfter)).toEqual([6]);
    await t.smtp.waitFor((m) => m.to.includes(`office-${s.officeId}@north.example`));
    const list = await t.service.request('GET', '/api/follow-ups', { token: prosecutor });
    expect(list.body.items).toEqual([
      expect.objectContaining({ referralId: s.referralId, monthsAfter: 6, status: 'due' }),
    ]);
    const id = list.body.items[0].id;
    // A full last page says there is no next one (limit + 1 rows read), rather than pointing at an empty page.
    expect((await t.service.request('GET', '/api/follow-ups?limit=1', { token: prosecutor })).body).toEqual({
      items: list.body.items,
      nextCursor: null,
    });
    expect(
      (
        await t.service.request('POST', `/api/follow-ups/${id}`, {
          token: t.service.token('prosecutor', s.partnerId),
          body: { reoffended: false },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.service.request('POST', `/api/follow-ups/${id}`, { token: prosecutor, body: { reoffended: false } }))
        .body,
    ).toMatchObject({ status: 'recorded', reoffended: false });
    expect(
      (await t.service.request('POST', `/api/follow-ups/${id}`, { token: prosecutor, body: { reoffended: true } }))
        .status,
    ).toBe(409);
    expect((await t.emitted('follow_up.recorded', s.referralId)).map((e) => e.data)).toEqual([
      { followUpId: id, caseId: s.caseId, monthsAfter: 6, reoffended: false },
    ]);
  });

  it('pages follow-ups at most 200 a page (the shared PageQuery): 201 is a 400 naming limit', async () => {
    const token = t.service.token('prosecutor', uuidv7());
    const most = await t.service.request('GET', '/api/follow-ups?limit=200', { token });
    const over = await t.service.request('GET', '/api/follow-ups?limit=201', { token });
    expect([most.status, over.status]).toEqual([200, 400]);
    expect(over.body.errors.map((error: { field: string }) => error.field)).toEqual(['limit']);
  });

  it('drops pending follow-ups and deadlines on referral.withdrawn and emits nothing further', async () => {
    const done = await fed({});
    const { agreement } = await agree(done, [{ kind: 'other', dueBy: inDays(1) }]);
    await progress(done, agreement.id, agreement.terms[0].id, { done: true });
    const running = await fed({});
    await agree(running, [{ kind: 'apology_letter', dueBy: inDays(1) }]);
    for (const s of [done, running]) {
      await t.feeder.send(ReferralWithdrawn, {
        referralId: s.referralId,
        aggregateId: s.referralId,
        data: { reasonCode: 'charges_dropped' },
      });
    }
    await t.waitFor(async () => (await caseStatus(running.caseId)) === 'withdrawn', 'running case withdrawn');
    const followUps: { status: string }[] = await t.service.dataSource.query(
      'select status from follow_up where referral_id = $1',
      [done.referralId],
    );
    expect(followUps.map((f) => f.status)).toEqual(['dropped', 'dropped', 'dropped']);
    // A completed case that nobody withdrew: its follow-ups falling due prove a scan ran.
    const witness = await fed({});
    const witnessed = await agree(witness, [{ kind: 'other', dueBy: inDays(1) }]);
    await progress(witness, witnessed.agreement.id, witnessed.agreement.terms[0].id, { done: true });
    await t.waitForEvents('case.completed', witness.referralId);
    const before = (await t.emitted()).length;
    t.clock.set(new Date(`${addMonths(inDays(0), 25)}T12:00:00Z`));
    await t.waitForEvents('follow_up.due', witness.referralId);
    const after = await t.emitted();
    expect(
      after.slice(before).filter((e) => e.referralId === done.referralId || e.referralId === running.referralId),
    ).toEqual([]);
  });
});

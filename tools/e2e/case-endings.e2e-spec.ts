/**
 * The ways a case ends other than a kept agreement (issue #8): consent withdrawn → on hold →
 * concluded → returned; a risk of `indirect_only` allowing only indirect dialogue; terms not
 * kept → closed → returned; the prosecutor withdrawing mid-way (offers, sessions, reminders and
 * the outcome stop); personal data erased (unreadable everywhere, the chain still whole).
 */
import { createTestTopics, startTestSmtpServer, type TestSmtpServer, type TestTopics } from '@rj/shared/testing';
import { startPlatform, type RunningPlatform } from './platform';
import {
  eventuallyBody,
  expectStatus,
  pendingOffer,
  personalDataOf,
  referralBody,
  referralStatus,
  registerOffice,
  registerPartner,
  submitReferral,
  type Office,
  type Partner,
} from './support/actors';
import {
  caseStep,
  heldSession,
  holdDialogueAndAgree,
  inMinutes,
  openCase,
  prepare,
  recordAgreement,
  type OpenCase,
} from './support/mediation';

describe('cases that end otherwise', () => {
  let topics: TestTopics;
  let smtp: TestSmtpServer;
  let platform: RunningPlatform;
  let admin: string;
  let auditor: string;
  let office: Office;
  let partner: Partner;

  beforeAll(async () => {
    topics = await createTestTopics();
    smtp = await startTestSmtpServer();
    platform = await startPlatform({
      topicPrefix: topics.prefix,
      smtpUrl: smtp.url,
      // Reminders a minute before a session: a session 75 s ahead is reminded of within seconds.
      serviceEnv: {
        'mediation-scheduling': { REMINDER_OFFSETS_MINUTES: '1' },
        'outcome-tracking': { FOLLOW_UP_DUE_IMMEDIATELY: 'true', OUTCOME_SCAN_EVERY_MS: '1000' },
      },
    });
    admin = platform.token('admin', null, 'admin-endings');
    auditor = platform.token('auditor', null, 'auditor-endings');
    office = await registerOffice(platform, admin);
    partner = await registerPartner(platform, admin, office.jurisdiction, { capacity: 50 });
  });

  afterAll(async () => {
    await platform?.stop();
    await smtp?.close();
    await topics?.delete();
  });

  async function newCase(body = referralBody(office.jurisdiction)): Promise<OpenCase> {
    const { id } = await submitReferral(platform, office, body);
    return openCase(platform, partner, id);
  }
  const caseView = async (open: OpenCase) =>
    expectStatus(
      await platform.request('mediation-scheduling', 'GET', `/api/cases/${open.caseId}`, { token: partner.admin }),
      200,
      'case',
    ).body;
  const sessionsOf = async (open: OpenCase) =>
    expectStatus(
      await platform.request('mediation-scheduling', 'GET', `/api/cases/${open.caseId}/sessions`, {
        token: open.mediator,
      }),
      200,
      'sessions',
    ).body;
  const report = async (referralId: string) =>
    expectStatus(
      await platform.request('referral-intake', 'GET', `/api/referrals/${referralId}/report`, {
        token: office.prosecutor,
      }),
      200,
      'report',
    ).body;
  const timelineTypes = async (referralId: string, until: string) =>
    (
      await eventuallyBody(
        platform,
        'audit-ledger',
        `/api/audit/referrals/${referralId}/timeline`,
        auditor,
        (b: any) => b.items.some((i: any) => i.eventType === until),
        `${until} in the ledger`,
      )
    ).items.map((i: any) => i.eventType as string);
  const futureSession = (open: OpenCase, minutes: number) => ({
    kind: 'preparation',
    startsAt: inMinutes(minutes),
    endsAt: inMinutes(minutes + 45),
    location: 'Partner office',
    participantIds: [open.harmedId],
    mediatorIds: [open.mediatorSub],
  });

  it('puts the case on hold when a participant withdraws consent, cancels its sessions, and returns the referral once concluded', async () => {
    const open = await newCase();
    await prepare(platform, open);
    const planned = expectStatus(
      await caseStep(platform, open, '/sessions', futureSession(open, 3 * 24 * 60)),
      201,
      'plan a session',
    ).body;

    expectStatus(
      await caseStep(platform, open, '/consents', {
        participantId: open.harmedId,
        purpose: 'participation',
        decision: 'withdrawn',
      }),
      201,
      'withdraw consent',
    );
    expect(await caseView(open)).toMatchObject({ status: 'on_hold' });
    const sessions = await sessionsOf(open);
    expect((sessions.items ?? sessions).find((s: any) => s.id === planned.id)).toMatchObject({ status: 'cancelled' });
    expect(
      (
        await caseStep(
          platform,
          open,
          '/sessions',
          heldSession(open, 'joint_dialogue', [open.harmedId, open.responsibleId], 1),
        )
      ).status,
    ).toBe(409);

    expectStatus(
      await caseStep(platform, open, '/conclude', { agreementReached: false, reasonCode: 'dialogue_not_held' }),
      200,
      'conclude',
    );
    await referralStatus(platform, office, open.referralId, 'returned');
    expect(await report(open.referralId)).toMatchObject({
      result: 'returned',
      reasonCode: 'dialogue_not_held',
      terms: null,
    });
  });

  it('allows only an indirect dialogue when a risk assessment says indirect_only', async () => {
    const open = await newCase();
    await prepare(platform, open, 'indirect_only');
    const joint = await caseStep(
      platform,
      open,
      '/sessions',
      heldSession(open, 'joint_dialogue', [open.harmedId, open.responsibleId], 1),
    );
    expect(joint.status).toBe(409);
    expect(joint.body.detail).toMatch(/indirect/);
    expectStatus(
      await caseStep(
        platform,
        open,
        '/sessions',
        heldSession(open, 'indirect_dialogue', [open.harmedId, open.responsibleId], 1),
      ),
      201,
      'indirect dialogue',
    );
    await referralStatus(platform, office, open.referralId, 'in_progress');
  });

  it('returns the referral when the terms were not kept, and tells the person harmed nothing they did not ask for', async () => {
    const body = referralBody(office.jurisdiction);
    const open = await newCase(body);
    await prepare(platform, open);
    expectStatus(
      await caseStep(platform, open, '/consents', {
        participantId: open.harmedId,
        purpose: 'receive_outcome',
        decision: 'declined',
      }),
      201,
      'no outcome wanted',
    );
    await holdDialogueAndAgree(platform, open);
    await recordAgreement(platform, open, [{ kind: 'community_service', dueBy: '2099-03-31', hours: 20 }]);

    expectStatus(
      await platform.request('outcome-tracking', 'POST', `/api/cases/${open.caseId}/close`, {
        token: open.mediator,
        body: { reasonCode: 'agreement_not_completed' },
      }),
      200,
      'close',
    );
    await referralStatus(platform, office, open.referralId, 'returned');
    expect(await report(open.referralId)).toMatchObject({ result: 'returned', reasonCode: 'agreement_not_completed' });
    // harmed_party.informed would be written with case.returned, in one transaction.
    const types = await timelineTypes(open.referralId, 'case.returned');
    expect(types).not.toContain('harmed_party.informed');
    expect(smtp.messages.filter((mail) => mail.to.includes(body.parties[0].contact.email!))).toEqual([]);
  });

  it('stops offers, sessions, reminders and the outcome when the prosecutor withdraws mid-way', async () => {
    const withdraw = async (referralId: string) =>
      expectStatus(
        await platform.request('referral-intake', 'POST', `/api/referrals/${referralId}/withdraw`, {
          token: office.prosecutor,
          body: { reasonCode: 'charges_dropped' },
        }),
        200,
        'withdraw',
      );

    // An offer still waiting for an answer is withdrawn.
    const offered = await submitReferral(platform, office, referralBody(office.jurisdiction));
    const offer = await pendingOffer(platform, partner, offered.id);
    await withdraw(offered.id);
    await eventuallyBody(
      platform,
      'partner-matching',
      `/api/offers/${offer.id}`,
      partner.admin,
      (o: any) => o.status === 'withdrawn',
      'offer withdrawn',
    );
    expect(
      (await platform.request('partner-matching', 'POST', `/api/offers/${offer.id}/accept`, { token: partner.admin }))
        .status,
    ).toBe(409);

    // Two cases with a session in 75 s; one is withdrawn at once, the other is the control.
    const [stopped, control] = await Promise.all([
      newCase(referralBody(office.jurisdiction)),
      newCase(referralBody(office.jurisdiction)),
    ]);
    const emails: Record<string, string> = {};
    for (const open of [stopped, control]) {
      expectStatus(
        await caseStep(platform, open, '/information', {
          participantId: open.harmedId,
          informationVersion: 'adult-v3',
          language: 'nl',
        }),
        201,
        'information',
      );
      expectStatus(
        await caseStep(platform, open, '/consents', {
          participantId: open.harmedId,
          purpose: 'participation',
          decision: 'given',
        }),
        201,
        'consent',
      );
      expectStatus(await caseStep(platform, open, '/sessions', futureSession(open, 1.25)), 201, 'session soon');
      const harmed = (await caseView(open)).participants.find((p: any) => p.role === 'harmed');
      emails[open.caseId] = harmed.contact.email;
    }
    await withdraw(stopped.referralId);
    await eventuallyBody(
      platform,
      'mediation-scheduling',
      `/api/cases/${stopped.caseId}`,
      partner.admin,
      (c: any) => c.status === 'concluded',
      'case concluded by the withdrawal',
    );
    expect(((await sessionsOf(stopped)).items ?? (await sessionsOf(stopped))).map((s: any) => s.status)).toEqual([
      'cancelled',
    ]);
    await smtp.waitFor((mail) => mail.to.includes(emails[control.caseId]) && /Reminder/.test(mail.subject), 60_000);
    expect(smtp.messages.filter((mail) => mail.to.includes(emails[stopped.caseId]))).toEqual([]);

    // A case with an agreement under way: the outcome stops, no completion, no follow-ups.
    const agreed = await newCase();
    await prepare(platform, agreed, 'proceed', 30);
    await holdDialogueAndAgree(platform, agreed);
    const agreement = await recordAgreement(platform, agreed, [{ kind: 'apology_letter', dueBy: '2099-01-31' }]);
    await withdraw(agreed.referralId);
    await eventuallyBody(
      platform,
      'outcome-tracking',
      `/api/cases/${agreed.caseId}/outcome`,
      agreed.mediator,
      (o: any) => o.status === 'withdrawn',
      'outcome stopped',
    );
    const progress = await platform.request(
      'outcome-tracking',
      'POST',
      `/api/agreements/${agreement.id}/terms/${agreement.terms[0].id}/progress`,
      { token: agreed.mediator, body: { done: true } },
    );
    expect(progress.status).toBe(409);
    const followUps = expectStatus(
      await platform.request('outcome-tracking', 'GET', '/api/follow-ups', { token: office.prosecutor }),
      200,
      'follow-ups',
    ).body.items;
    expect(followUps.filter((f: any) => f.referralId === agreed.referralId)).toEqual([]);
    const types = await timelineTypes(agreed.referralId, 'case.concluded');
    expect(types).not.toContain('case.completed');
    expect(
      (
        await platform.request('referral-intake', 'GET', `/api/referrals/${agreed.referralId}`, {
          token: office.prosecutor,
        })
      ).body.status,
    ).toBe('withdrawn');
  });

  it('makes erased personal data unreadable everywhere while the chain still verifies', async () => {
    const body = referralBody(office.jurisdiction);
    const open = await newCase(body);
    expect(JSON.stringify(await caseView(open))).toContain(body.parties[0].fullName);

    expectStatus(
      await platform.request('referral-intake', 'DELETE', `/api/referrals/${open.referralId}/personal-data`, {
        token: admin,
      }),
      200,
      'erase',
    );
    const referral = expectStatus(
      await platform.request('referral-intake', 'GET', `/api/referrals/${open.referralId}`, {
        token: office.prosecutor,
      }),
      200,
      'referral',
    ).body;
    expect(referral.personalDataErasedAt).toEqual(expect.any(String));
    expect(referral.parties.map((p: any) => p.fullName)).toEqual([null, null]);
    const kase = await eventuallyBody(
      platform,
      'mediation-scheduling',
      `/api/cases/${open.caseId}`,
      partner.admin,
      (c: any) => !!c.personalDataErasedAt,
      'case shows the erasure',
    );
    expect(kase.participants.map((p: any) => p.fullName)).toEqual([null, null]);

    const reads = [
      JSON.stringify(referral),
      JSON.stringify(kase),
      JSON.stringify(
        (
          await platform.request('audit-ledger', 'GET', `/api/audit/referrals/${open.referralId}/timeline`, {
            token: auditor,
          })
        ).body,
      ),
    ];
    for (const secret of personalDataOf(body)) for (const read of reads) expect(read).not.toContain(secret);
    expect((await platform.request('audit-ledger', 'GET', '/api/audit/verify', { token: auditor })).body).toMatchObject(
      { ok: true },
    );
    await timelineTypes(open.referralId, 'referral.personal_data_erased');
  });
});

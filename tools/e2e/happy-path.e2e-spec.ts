/**
 * The whole path a referral takes when everything goes right (issue #8), through the public
 * HTTP APIs of five real processes: referral → screening → anonymous offer → case → preparation
 * → dialogue → agreement → fulfilment → the person harmed informed → report → follow-up →
 * the auditor's timeline, state-at and a verified chain.
 */
import { createTestTopics, startTestSmtpServer, type TestSmtpServer, type TestTopics } from '@rj/shared/testing';
import { SERVICE_NAMES, startPlatform, type RunningPlatform } from './platform';
import {
  eventuallyBody,
  eventuallyStatus,
  expectStatus,
  pendingOffer,
  personalDataOf,
  referralBody,
  referralStatus,
  registerOffice,
  registerPartner,
  submitReferral,
} from './support/actors';
import {
  caseOf,
  caseStep,
  assignMediator,
  heldSession,
  acceptOffer,
  prepare,
  type OpenCase,
} from './support/mediation';

describe('a referral that goes right, end to end', () => {
  let topics: TestTopics;
  let smtp: TestSmtpServer;
  let platform: RunningPlatform;

  beforeAll(async () => {
    topics = await createTestTopics();
    smtp = await startTestSmtpServer();
    platform = await startPlatform({
      topicPrefix: topics.prefix,
      smtpUrl: smtp.url,
      // Debug logging everywhere: the proof below that notes and personal data stay out of the
      // logs must hold at the most talkative level.
      env: { LOG_LEVEL: 'debug' },
      serviceEnv: { 'outcome-tracking': { FOLLOW_UP_DUE_IMMEDIATELY: 'true', OUTCOME_SCAN_EVERY_MS: '1000' } },
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await smtp?.close();
    await topics?.delete();
  });

  it('takes a referral from the prosecutor to a completed agreement, a follow-up and a verified audit trail', async () => {
    const admin = platform.token('admin', null, 'admin-e2e');
    const auditor = platform.token('auditor', null, 'auditor-e2e');
    const office = await registerOffice(platform, admin);
    const partner = await registerPartner(platform, admin, office.jurisdiction);

    // The prosecutor refers; the default policy screens a property offence as eligible.
    const body = referralBody(office.jurisdiction);
    const secrets = personalDataOf(body);
    const submitted = await submitReferral(platform, office, body);
    expect(submitted.screening.outcome).toBe('eligible');
    const referralId = submitted.id;

    // The offer is anonymous: what it says and the mail announcing it name nobody.
    const offer = await pendingOffer(platform, partner, referralId);
    expect(offer).toMatchObject({ referralId, jurisdiction: office.jurisdiction, status: 'pending' });
    expect(JSON.stringify(offer)).not.toMatch(new RegExp(secrets.map(escape).join('|')));
    const announcement = await smtp.waitFor((mail) => mail.to.includes(partner.email), 30_000);
    for (const secret of secrets) expect(announcement.text).not.toContain(secret);
    await referralStatus(platform, office, referralId, 'offered');
    const beforeAcceptance = new Date().toISOString();

    // Accepted: the referral is assigned, and the case shows the partner the names.
    await acceptOffer(platform, partner, referralId);
    const kase = await caseOf(platform, partner, referralId);
    const [harmed, responsible] = body.parties;
    expect(kase.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'harmed', fullName: harmed.fullName }),
        expect.objectContaining({ role: 'responsible', fullName: responsible.fullName }),
      ]),
    );
    const assigned = await eventuallyBody(
      platform,
      'referral-intake',
      `/api/referrals/${referralId}`,
      office.prosecutor,
      (r: any) => r.partnerId === partner.id && !!r.caseId,
      'referral assigned with its case',
    );
    expect(assigned.caseId).toBe(kase.id);

    // The mediator prepares both parties and records every consent the outcome needs.
    const open: OpenCase = {
      caseId: kase.id,
      referralId,
      harmedId: kase.participants.find((p: any) => p.role === 'harmed').id,
      responsibleId: kase.participants.find((p: any) => p.role === 'responsible').id,
      ...(await assignMediator(platform, partner, kase.id)),
    };
    await prepare(platform, open);
    for (const participantId of [open.harmedId, open.responsibleId]) {
      expectStatus(
        await caseStep(platform, open, '/consents', {
          participantId,
          purpose: 'share_outcome_with_referrer',
          decision: 'given',
        }),
        201,
        'share consent',
      );
    }
    expectStatus(
      await caseStep(platform, open, '/consents', {
        participantId: open.harmedId,
        purpose: 'receive_outcome',
        decision: 'given',
      }),
      201,
      'receive consent',
    );
    const note = `Both were calm; the shop owner forgave ${body.caseNumber}`;
    expectStatus(await caseStep(platform, open, '/notes', { text: note }), 201, 'note');

    // The dialogue took place an hour ago; the referral is in progress.
    expectStatus(
      await caseStep(
        platform,
        open,
        '/sessions',
        heldSession(open, 'joint_dialogue', [open.harmedId, open.responsibleId], 1),
      ),
      201,
      'record dialogue',
    );
    await referralStatus(platform, office, referralId, 'in_progress');
    expectStatus(
      await caseStep(platform, open, '/conclude', { agreementReached: true }),
      200,
      'conclude with agreement',
    );

    // The agreement is recorded (once outcome-tracking knows the case concluded) and kept.
    const { agreement } = (
      await eventuallyStatus(
        platform,
        'outcome-tracking',
        'POST',
        `/api/cases/${open.caseId}/agreement`,
        {
          token: open.mediator,
          body: {
            terms: [
              {
                kind: 'restitution',
                dueBy: '2099-01-31',
                amount: { amount: '120.00', currency: 'EUR' },
                recipient: 'harmed',
              },
              { kind: 'apology_letter', dueBy: '2099-01-31', description: `A letter to the shop ${body.caseNumber}` },
            ],
            consentedBy: [open.harmedId, open.responsibleId],
          },
        },
        201,
        'record agreement',
      )
    ).body;
    for (const term of agreement.terms) {
      const progress = term.kind === 'restitution' ? { amount: { amount: '120.00', currency: 'EUR' } } : { done: true };
      expectStatus(
        await platform.request(
          'outcome-tracking',
          'POST',
          `/api/agreements/${agreement.id}/terms/${term.id}/progress`,
          { token: open.mediator, body: progress },
        ),
        [200, 201],
        'record progress',
      );
    }
    await referralStatus(platform, office, referralId, 'completed');

    // The person harmed asked to be told: one mail to their address, naming nobody.
    const informed = await smtp.waitFor((mail) => mail.to.includes(harmed.contact.email!), 30_000);
    // Neither sender nor subject says what the mail is about (issue 21): whoever sees the inbox learns nothing.
    expect(`${informed.subject} ${informed.headers['from']}`).not.toMatch(/restorative|justice/i);
    for (const secret of secrets) expect(informed.text).not.toContain(secret);

    // The prosecutor's report: the result, and the terms because every party consented.
    const report = expectStatus(
      await platform.request('referral-intake', 'GET', `/api/referrals/${referralId}/report`, {
        token: office.prosecutor,
      }),
      200,
      'report',
    ).body;
    expect(report).toMatchObject({ referralId, result: 'completed', termsShared: true });
    expect(report.terms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'restitution' }),
        expect.objectContaining({ kind: 'apology_letter' }),
      ]),
    );
    expect(JSON.stringify(report)).not.toContain(note);
    const outcome = expectStatus(
      await platform.request('outcome-tracking', 'GET', `/api/referrals/${referralId}/outcome`, {
        token: office.prosecutor,
      }),
      200,
      'referral outcome',
    ).body;
    expect(outcome).toMatchObject({ referralId, result: 'completed', termDetailsShared: true });
    expect(outcome.terms.map((t: any) => t.status)).toEqual(['fulfilled', 'fulfilled']);

    // A follow-up falls due (FOLLOW_UP_DUE_IMMEDIATELY) and the prosecutor answers it.
    const dueList = await eventuallyBody(
      platform,
      'outcome-tracking',
      '/api/follow-ups',
      office.prosecutor,
      (b: any) => b.items.some((f: any) => f.referralId === referralId),
      'a due follow-up',
    );
    const followUp = dueList.items.find((f: any) => f.referralId === referralId);
    const recorded = expectStatus(
      await platform.request('outcome-tracking', 'POST', `/api/follow-ups/${followUp.id}`, {
        token: office.prosecutor,
        body: { reoffended: false },
      }),
      200,
      'record follow-up',
    );
    expect(recorded.body).toMatchObject({ id: followUp.id, status: 'recorded', reoffended: false });

    // The auditor: every step in order, the state as it stood before acceptance, a whole chain.
    const timeline = await eventuallyBody(
      platform,
      'audit-ledger',
      `/api/audit/referrals/${referralId}/timeline`,
      auditor,
      (b: any) => typesOf(b).includes('follow_up.recorded'),
      'timeline to the follow-up',
    );
    expect(
      inOrder(typesOf(timeline), [
        'referral.submitted',
        'referral.screened',
        'offer.made',
        'offer.accepted',
        'case.opened',
        'session.completed',
        'case.concluded',
        'agreement.recorded',
        'term.fulfilled',
        'case.completed',
        'harmed_party.informed',
        'follow_up.due',
        'follow_up.recorded',
      ]),
    ).toBe(true);
    const timelineText = JSON.stringify(timeline);
    for (const secret of [...secrets, note]) expect(timelineText).not.toContain(secret);
    const then = expectStatus(
      await platform.request(
        'audit-ledger',
        'GET',
        `/api/audit/referrals/${referralId}/state?at=${encodeURIComponent(beforeAcceptance)}`,
        { token: auditor },
      ),
      200,
      'state then',
    ).body;
    const now = expectStatus(
      await platform.request(
        'audit-ledger',
        'GET',
        `/api/audit/referrals/${referralId}/state?at=${encodeURIComponent(new Date().toISOString())}`,
        { token: auditor },
      ),
      200,
      'state now',
    ).body;
    expect(then.state.referral).toMatchObject({ status: 'offered' });
    expect(now.state.referral).toMatchObject({ status: 'completed' });
    const verified = expectStatus(
      await platform.request('audit-ledger', 'GET', '/api/audit/verify', { token: auditor }),
      200,
      'verify',
    ).body;
    expect(verified).toMatchObject({ ok: true });
    expect(verified.checked).toBeGreaterThan(20);

    // Logs: what was said and who the parties are never reach any service's output.
    expect(platform.processes['mediation-scheduling'].output()).toMatch(/"url":"\/api\/cases\/[^"]+\/notes"/); // the note's request was logged
    for (const service of SERVICE_NAMES) {
      const output = platform.processes[service].output();
      expect({ service, leaked: [note, ...secrets].filter((secret) => output.includes(secret)) }).toEqual({
        service,
        leaked: [],
      });
    }
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function typesOf(timeline: any): string[] {
  return timeline.items.map((entry: any) => entry.eventType);
}

/** `expected` appears in `types` as a subsequence, in that order. */
function inOrder(types: string[], expected: string[]): boolean {
  let at = 0;
  for (const type of types) if (type === expected[at]) at += 1;
  return at === expected.length;
}

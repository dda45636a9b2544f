import { ReferralPersonalDataErased, ReferralWithdrawn } from '@rj/shared/contracts';
import { eventually, readTopics } from '@rj/shared/testing';
import { assignMediator, consentParticipant, inMinutes } from '../test/case-actors';
import { openCase, startSchedulingHarness, topicsOf, type SchedulingHarness } from '../test/scheduling-harness';
import { SchedulingJobs } from './scheduling-jobs';
import { sessionReminderJob } from './session-reminder.job';

/** Offsets of one minute: a session 63 s ahead has its reminder due in 3 s. */
describe('session reminders', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness({ REMINDER_OFFSETS_MINUTES: '1,1440' });
  });
  afterAll(() => harness?.close());

  const jobs = () => harness.service.running.app.get(SchedulingJobs);
  const reminderState = (sessionId: string, participantId: string, startsAt: string, offsetMinutes: number) =>
    jobs().runner.jobState(sessionReminderJob, {
      sessionId,
      participantId,
      offsetMinutes,
      startsAtMs: Date.parse(startsAt),
    });

  async function followUp(startInSeconds: number) {
    const harmedEmail = `harmed-${Date.now()}@example.org`;
    const referral = await openCase(harness, { harmedEmail });
    const actors = await assignMediator(harness, referral);
    for (const id of [referral.harmedId, referral.responsibleId])
      await consentParticipant(harness, referral.caseId, actors.mediator, id);
    const startsAt = new Date(Date.now() + startInSeconds * 1000).toISOString();
    const booked = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
      token: actors.mediator,
      body: {
        kind: 'follow_up',
        startsAt,
        endsAt: inMinutes(30, Date.parse(startsAt)),
        participantIds: [referral.harmedId, referral.responsibleId],
        mediatorIds: [actors.mediatorSub],
      },
    });
    expect(booked.status).toBe(201);
    return { referral, actors, harmedEmail, session: booked.body as { id: string; startsAt: string } };
  }

  it('e-mails the participant with a safe e-mail channel at the offset, and nobody without one', async () => {
    const { referral, session, harmedEmail } = await followUp(63);
    const mail = await harness.smtp.waitFor((m) => m.to.includes(harmedEmail), 30_000);
    const sentAt = Date.now();
    // Due one minute before the start, not earlier (the same clock on both sides).
    expect(sentAt).toBeGreaterThanOrEqual(Date.parse(session.startsAt) - 60_000);
    expect(mail.subject).toMatch(/^Reminder: your follow-up meeting on /);
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/Anna|Tom|Jansen|Vries/);
    expect(sentAt).toBeLessThan(Date.parse(session.startsAt) - 50_000);

    const messages = await readTopics(
      topicsOf(harness),
      (read) => read.filter((m) => m.value.includes('"reminder.sent"') && m.value.includes(session.id)).length >= 2,
    );
    const sent = messages
      .map((m) => JSON.parse(m.value))
      .filter((e) => e.type === 'reminder.sent' && e.data.sessionId === session.id);
    expect(sent.find((e) => e.data.participantId === referral.harmedId)?.data).toMatchObject({
      delivered: true,
      channel: 'email',
      offsetMinutes: 1,
    });
    expect(sent.find((e) => e.data.participantId === referral.responsibleId)?.data).toMatchObject({
      delivered: false,
      reasonCode: 'no_safe_channel',
    });
    expect(harness.smtp.messages.filter((m) => m.to.some((to) => to.includes('+316')))).toHaveLength(0);
    const skipped = await harness.service.dataSource.query(
      `select count(*)::int as n from notification where status = 'skipped' and last_error = 'no_safe_channel'`,
    );
    expect(skipped[0].n).toBeGreaterThanOrEqual(1);
  });

  it('sends nothing on a channel whose confirmation lapsed, and uses the channel a mediator re-confirmed', async () => {
    const referralEmail = `lapsed-${Date.now()}@example.org`;
    const referral = await openCase(harness, { harmedEmail: referralEmail });
    const actors = await assignMediator(harness, referral);
    for (const id of [referral.harmedId, referral.responsibleId])
      await consentParticipant(harness, referral.caseId, actors.mediator, id);
    // The referral's details reached the programme 31 days ago, and no one has re-confirmed them since.
    await harness.service.dataSource.query(
      `update mediation_case set opened_at = now() - interval '31 days' where id = $1`,
      [referral.caseId],
    );
    const book = async () => {
      const startsAt = new Date(Date.now() + 63_000).toISOString();
      const booked = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
        token: actors.mediator,
        body: {
          kind: 'follow_up',
          startsAt,
          endsAt: inMinutes(30, Date.parse(startsAt)),
          participantIds: [referral.harmedId],
          mediatorIds: [actors.mediatorSub],
        },
      });
      expect(booked.status).toBe(201);
      return booked.body as { id: string };
    };
    const reminderOf = async (sessionId: string) => {
      const messages = await readTopics(
        topicsOf(harness),
        (read) => read.some((m) => m.value.includes('"reminder.sent"') && m.value.includes(sessionId)),
        30_000,
      );
      return messages
        .map((m) => JSON.parse(m.value))
        .find((e) => e.type === 'reminder.sent' && e.data.sessionId === sessionId);
    };

    const lapsed = await book();
    expect((await reminderOf(lapsed.id)).data).toMatchObject({
      participantId: referral.harmedId,
      delivered: false,
      reasonCode: 'no_safe_channel',
    });
    expect(harness.smtp.messages.filter((m) => m.to.includes(referralEmail))).toHaveLength(0);
    expect(
      (await harness.service.request('POST', `/api/sessions/${lapsed.id}/cancel`, { token: actors.mediator })).status,
    ).toBe(200);

    const reconfirmedEmail = `reconfirmed-${Date.now()}@example.org`;
    const confirmed = await harness.service.request(
      'PUT',
      `/api/cases/${referral.caseId}/participants/${referral.harmedId}/contact`,
      {
        token: actors.mediator,
        body: { email: reconfirmedEmail, phone: null, safeChannels: ['email'] },
      },
    );
    expect(confirmed.status).toBe(200);
    const next = await book();
    const mail = await harness.smtp.waitFor((m) => m.to.includes(reconfirmedEmail), 30_000);
    expect(mail.subject).toMatch(/^Reminder: your follow-up meeting on /);
    expect((await reminderOf(next.id)).data).toMatchObject({
      participantId: referral.harmedId,
      delivered: true,
      channel: 'email',
    });
  });

  it('removes the reminder jobs of a cancelled session and re-plans a rescheduled one', async () => {
    const { referral, actors, session } = await followUp(3 * 24 * 3600);
    expect(await reminderState(session.id, referral.harmedId, session.startsAt, 1440)).toBe('delayed');
    const later = new Date(Date.parse(session.startsAt) + 3600_000).toISOString();
    const moved = await harness.service.request('PATCH', `/api/sessions/${session.id}`, {
      token: actors.mediator,
      body: { startsAt: later, endsAt: inMinutes(30, Date.parse(later)) },
    });
    expect(moved.status).toBe(200);
    expect(await reminderState(session.id, referral.harmedId, session.startsAt, 1440)).toBe('missing');
    expect(await reminderState(session.id, referral.harmedId, later, 1440)).toBe('delayed');

    expect(
      (await harness.service.request('POST', `/api/sessions/${session.id}/cancel`, { token: actors.mediator })).status,
    ).toBe(200);
    expect(await reminderState(session.id, referral.harmedId, later, 1440)).toBe('missing');
    expect(await reminderState(session.id, referral.responsibleId, later, 1440)).toBe('missing');
  });

  it('re-creates reminder jobs that Redis lost, from the sessions in Postgres', async () => {
    const { referral, session } = await followUp(4 * 24 * 3600);
    await jobs().runner.remove(sessionReminderJob, {
      sessionId: session.id,
      participantId: referral.harmedId,
      offsetMinutes: 1440,
      startsAtMs: Date.parse(session.startsAt),
    });
    expect(await reminderState(session.id, referral.harmedId, session.startsAt, 1440)).toBe('missing');
    await jobs().sweep.sweepOnce();
    expect(await reminderState(session.id, referral.harmedId, session.startsAt, 1440)).toBe('delayed');
  });

  it("on the prosecutor's withdrawal cancels the sessions, removes their reminders and concludes the case", async () => {
    const { referral, session } = await followUp(5 * 24 * 3600);
    await harness.send(ReferralWithdrawn, {
      referralId: referral.referralId,
      aggregateId: referral.referralId,
      data: { reasonCode: 'charges_dropped' },
    });
    await eventually(
      async () => {
        const [row] = await harness.service.dataSource.query('select status from mediation_case where id = $1', [
          referral.caseId,
        ]);
        return row.status === 'concluded';
      },
      30_000,
      'the case to be concluded',
    );
    const [cancelled] = await harness.service.dataSource.query(
      'select status, cancel_reason_code from session where id = $1',
      [session.id],
    );
    expect(cancelled).toEqual({ status: 'cancelled', cancel_reason_code: 'referral_withdrawn' });
    expect(await reminderState(session.id, referral.harmedId, session.startsAt, 1440)).toBe('missing');
    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"case.concluded"') && m.value.includes(referral.caseId)),
    );
    const concluded = messages
      .map((m) => JSON.parse(m.value))
      .find((e) => e.type === 'case.concluded' && e.data.caseId === referral.caseId);
    expect(concluded.data).toEqual({
      caseId: referral.caseId,
      agreementReached: false,
      reasonCode: 'referral_withdrawn',
    });
  });

  it('on a participation withdrawal cancels future sessions and their reminders at once and puts the case on hold', async () => {
    const { referral, actors, session } = await followUp(6 * 24 * 3600);
    const withdrawn = await harness.service.request('POST', `/api/cases/${referral.caseId}/consents`, {
      token: actors.mediator,
      body: { participantId: referral.responsibleId, purpose: 'participation', decision: 'withdrawn' },
    });
    expect(withdrawn).toMatchObject({
      status: 201,
      body: { caseStatus: 'on_hold', holdReason: 'participation_withdrawn' },
    });
    const [row] = await harness.service.dataSource.query(
      'select status, cancel_reason_code from session where id = $1',
      [session.id],
    );
    expect(row).toEqual({ status: 'cancelled', cancel_reason_code: 'participation_withdrawn' });
    expect(await reminderState(session.id, referral.harmedId, session.startsAt, 1440)).toBe('missing');
    const joint = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
      token: actors.mediator,
      body: {
        kind: 'preparation',
        startsAt: inMinutes(60 * 24 * 8),
        endsAt: inMinutes(60 * 24 * 8 + 30),
        participantIds: [referral.harmedId],
        mediatorIds: [actors.mediatorSub],
      },
    });
    expect(joint).toMatchObject({ status: 409, body: { rule: 'case_on_hold' } });
  });

  it('sends nothing once the referral was erased: the key is forgotten and the skip recorded', async () => {
    const { referral, session, harmedEmail } = await followUp(68);
    // The participant's own time zone, as a mediator records it with their contact details.
    await harness.service.dataSource.query(
      `insert into contact_confirmation (case_id, participant_id, confirmed_at, confirmed_by, time_zone)
       values ($1, $2, now(), 'mediator-test', 'America/Los_Angeles')
       on conflict (case_id, participant_id) do update set time_zone = excluded.time_zone`,
      [referral.caseId, referral.harmedId],
    );
    harness.keyStore.erase(referral.key.keyId);
    await harness.send(ReferralPersonalDataErased, {
      referralId: referral.referralId,
      aggregateId: referral.referralId,
      data: { dataKeyId: referral.key.keyId, erasedAt: new Date().toISOString() },
    });
    await eventually(
      async () => {
        const [row] = await harness.service.dataSource.query(
          'select personal_data_erased_at from referral_snapshot where referral_id = $1',
          [referral.referralId],
        );
        return row.personal_data_erased_at !== null;
      },
      7_000,
      'the erasure to be applied before the reminder is due',
    );
    const messages = await readTopics(
      topicsOf(harness),
      (read) => read.filter((m) => m.value.includes('"reminder.sent"') && m.value.includes(session.id)).length >= 2,
      30_000,
    );
    const sent = messages
      .map((m) => JSON.parse(m.value))
      .filter((e) => e.type === 'reminder.sent' && e.data.sessionId === session.id);
    expect(sent.map((e) => e.data.reasonCode)).toEqual(['personal_data_erased', 'personal_data_erased']);
    expect(harness.smtp.messages.filter((m) => m.to.includes(harmedEmail))).toHaveLength(0);
    // Erased in the same transaction as the snapshot's mark: the participant's own zone is gone.
    const zones = await harness.service.dataSource.query(
      'select time_zone from contact_confirmation where case_id = $1',
      [referral.caseId],
    );
    expect(zones.length).toBeGreaterThan(0);
    expect(zones.filter((row: { time_zone: string | null }) => row.time_zone !== null)).toEqual([]);
  });
});

import { JurisdictionSettingsChanged } from '@rj/shared/contracts';
import { eventually, readTopics } from '@rj/shared/testing';
import { assignMediator, consentParticipant, inMinutes } from '../test/case-actors';
import {
  openCase,
  startSchedulingHarness,
  topicsOf,
  type SchedulingHarness,
  type ReferralOptions,
} from '../test/scheduling-harness';
import { SchedulingJobs } from './scheduling-jobs';
import { sessionReminderJob } from './session-reminder.job';

/** Reminders in the participant's language and local time (issue 21). */
describe("reminders in the participant's language and time", () => {
  let harness: SchedulingHarness;
  beforeAll(async () => {
    harness = await startSchedulingHarness({ REMINDER_OFFSETS_MINUTES: '1,1440' });
  });
  afterAll(() => harness?.close());

  const jobs = () => harness.service.running.app.get(SchedulingJobs);
  const query = (sql: string, params: unknown[]) => harness.service.dataSource.query(sql, params);

  async function caseWith(options: ReferralOptions) {
    const referral = await openCase(harness, options);
    const actors = await assignMediator(harness, referral);
    for (const id of [referral.harmedId, referral.responsibleId])
      await consentParticipant(harness, referral.caseId, actors.mediator, id);
    const book = async (startsAt: string, participantIds = [referral.harmedId]) => {
      const booked = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
        token: actors.mediator,
        body: {
          kind: 'follow_up',
          startsAt,
          endsAt: inMinutes(30, Date.parse(startsAt)),
          participantIds,
          mediatorIds: [actors.mediatorSub],
        },
      });
      expect(booked.status).toBe(201);
      return booked.body as { id: string; startsAt: string; interpreterNeeded: boolean };
    };
    return { referral, actors, book };
  }

  /** Runs a session's day-before reminder now instead of when it is due. */
  async function remindNow(sessionId: string, participantId: string, startsAt: string) {
    const payload = { sessionId, participantId, offsetMinutes: 1440, startsAtMs: Date.parse(startsAt) };
    await jobs().runner.remove(sessionReminderJob, payload);
    await jobs().runner.enqueue(sessionReminderJob, payload);
  }

  async function settingsOf(jurisdiction: string, timeZone: string, version = 1) {
    await harness.send(JurisdictionSettingsChanged, {
      referralId: null,
      aggregateId: jurisdiction,
      data: { jurisdiction, version, timeZone },
    });
    await eventually(
      async () =>
        (await query('select version from jurisdiction_setting where jurisdiction = $1', [jurisdiction]))[0]
          ?.version === version,
      30_000,
      `the settings of ${jurisdiction}`,
    );
  }

  it('writes a Spanish reminder with the Los Angeles time on both sides of the March switch, marks the interpreter, and waits out quiet hours there', async () => {
    const jurisdiction = `US-CA-${Date.now() % 100000}`;
    await settingsOf(jurisdiction, 'America/Los_Angeles');
    // An older version arriving late changes nothing.
    await settingsOf(jurisdiction, 'America/Los_Angeles', 2);
    await harness.send(JurisdictionSettingsChanged, {
      referralId: null,
      aggregateId: jurisdiction,
      data: { jurisdiction, version: 1, timeZone: 'Europe/Madrid' },
    });
    const { referral, book } = await caseWith({
      jurisdiction,
      harmedLanguage: 'es',
      harmedInterpreter: true,
      harmedEmail: `lucia-${Date.now()}@example.org`,
    });
    // 10:00 in Los Angeles both times: Pacific standard time the day before the 2027 switch, daylight time the day after.
    const before = await book('2027-03-13T18:00:00.000Z');
    const after = await book('2027-03-15T17:00:00.000Z');
    expect([before.interpreterNeeded, after.interpreterNeeded]).toEqual([true, true]);
    await remindNow(before.id, referral.harmedId, before.startsAt);
    await remindNow(after.id, referral.harmedId, after.startsAt);
    const rows = await eventually(
      async () => {
        const found = await query(
          `select subject, body, time_zone, not_before, sender_name, status from notification where kind = 'session.reminder' and referral_id = $1 order by subject`,
          [referral.referralId],
        );
        return found.length === 2 ? found : null;
      },
      30_000,
      'both reminders',
    );
    expect(rows.map((r: { subject: string }) => r.subject)).toEqual([
      'Recordatorio: su reunión de seguimiento el lunes, 15 de marzo de 2027 a las 10:00',
      'Recordatorio: su reunión de seguimiento el sábado, 13 de marzo de 2027 a las 10:00',
    ]);
    expect(rows[0].body).toBe(
      'Le recordamos su reunión de seguimiento el lunes, 15 de marzo de 2027 a las 10:00 (GMT-7).\nHabrá un intérprete para usted.\nSi no puede asistir, póngase en contacto con su mediador o mediadora.',
    );
    expect(rows[1].body).toContain('a las 10:00 (GMT-8).');
    for (const row of rows) {
      expect(row).toMatchObject({ time_zone: 'America/Los_Angeles', sender_name: 'Appointments' });
      expect(`${row.subject} ${row.body}`).not.toMatch(/Anna|Tom|Jansen|Vries|SR-350|property/);
      // Sent now only outside 21:00-08:00 in Los Angeles; else held until 08:00 there.
      const hour = Number(
        new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', hourCycle: 'h23' }).format(
          new Date(),
        ),
      );
      if (hour >= 21 || hour < 8)
        expect(
          new Intl.DateTimeFormat('en-US', {
            timeZone: 'America/Los_Angeles',
            hour: 'numeric',
            minute: 'numeric',
            hourCycle: 'h23',
          }).format(row.not_before),
        ).toBe('08:00');
    }
  });

  it('sends no e-mail to someone who needs an interpreter in a language without a catalogue, and tells the mediator to phone', async () => {
    const email = `amal-${Date.now()}@example.org`;
    const { referral, actors, book } = await caseWith({
      harmedLanguage: 'ar',
      harmedInterpreter: true,
      harmedEmail: email,
    });
    const session = await book(new Date(Date.now() + 63_000).toISOString());
    const messages = await readTopics(
      topicsOf(harness),
      (read) => read.some((m) => m.value.includes('"reminder.sent"') && m.value.includes(session.id)),
      40_000,
    );
    const sent = messages
      .map((m) => JSON.parse(m.value))
      .find((e) => e.type === 'reminder.sent' && e.data.sessionId === session.id);
    expect(sent.data).toMatchObject({
      participantId: referral.harmedId,
      delivered: false,
      reasonCode: 'no_message_in_language',
    });
    const mine = await harness.service.request('GET', '/api/me/sessions', { token: actors.mediator });
    expect(mine.body.items.find((item: { id: string }) => item.id === session.id)).toMatchObject({
      interpreterNeeded: true,
      remindersNotDelivered: [referral.harmedId],
    });
    expect(harness.smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(0);
  });

  it("uses the time zone a mediator recorded for the participant over the jurisdiction's", async () => {
    const { referral, actors, book } = await caseWith({ harmedLanguage: 'en' });
    const confirmed = await harness.service.request(
      'PUT',
      `/api/cases/${referral.caseId}/participants/${referral.harmedId}/contact`,
      {
        token: actors.mediator,
        body: {
          email: `own-zone-${Date.now()}@example.org`,
          phone: null,
          safeChannels: ['email'],
          timeZone: 'Asia/Tokyo',
        },
      },
    );
    expect(confirmed).toMatchObject({ status: 200, body: { timeZone: 'Asia/Tokyo' } });
    const refused = await harness.service.request(
      'PUT',
      `/api/cases/${referral.caseId}/participants/${referral.harmedId}/contact`,
      {
        token: actors.mediator,
        body: { email: null, phone: null, safeChannels: [], timeZone: 'Tokyo Time' },
      },
    );
    expect(refused.status).toBe(400);
    const session = await book('2027-06-01T01:00:00.000Z');
    await remindNow(session.id, referral.harmedId, session.startsAt);
    const [row] = await eventually(
      async () => {
        const found = await query(
          `select subject, time_zone from notification where kind = 'session.reminder' and referral_id = $1`,
          [referral.referralId],
        );
        return found.length ? found : null;
      },
      30_000,
      'the reminder',
    );
    expect(row).toEqual({
      subject: 'Reminder: your follow-up meeting on Tuesday, June 1, 2027 at 10:00',
      time_zone: 'Asia/Tokyo',
    });
  });
});

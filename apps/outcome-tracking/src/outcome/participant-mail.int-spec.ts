import { ConsentRecorded, JurisdictionSettingsChanged, ReferralPersonalDataErased } from '@rj/shared/contracts';
import { JobRunner } from '@rj/shared/jobs';
import {
  instantOfLocal,
  localClockOf,
  notificationDeliverJob,
  NotificationService,
  sendableFrom,
} from '@rj/shared/notifications';
import { feedReferral, type Scenario, type ScenarioOptions } from '../test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';

const LA = 'America/Los_Angeles';
const JURISDICTION = 'US-CA';
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** 23:00 in Los Angeles two evenings ago: its quiet hours ended (08:00) before the test began, in real time too. */
function lateEveningInLosAngeles(): Date {
  const today = localClockOf(new Date(), LA);
  const twoDaysBefore = localClockOf(new Date(Date.UTC(today.year, today.month - 1, today.day - 2, 12)), 'UTC');
  return instantOfLocal({ year: twoDaysBefore.year, month: twoDaysBefore.month, day: twoDaysBefore.day, hour: 23 }, LA);
}

describe('outcome-tracking: participants’ mail in their language and their local time', () => {
  let t: OutcomeHarness;
  const mediator = (s: Scenario) => t.service.token('mediator', s.partnerId, s.mediatorSub);
  const notices = (referralId: string) =>
    t.service.dataSource.query(
      `select id, status, subject, body, last_error, time_zone, not_before, attempts from notification
       where kind = 'outcome.harmed_party' and referral_id = $1`,
      [referralId],
    ) as Promise<
      {
        id: string;
        status: string;
        subject: string;
        body: string;
        last_error: string | null;
        time_zone: string | null;
        not_before: Date | null;
        attempts: number;
      }[]
    >;
  /** A case with one agreed term, in Los Angeles's jurisdiction, whose person harmed asked to be told the outcome. */
  const agreed = async (options: ScenarioOptions) => {
    const s = await feedReferral(t.feeder, t.keys, {
      jurisdiction: JURISDICTION,
      consents: ['receive_outcome'],
      ...options,
    });
    await t.waitFor(async () => {
      const [row] = await t.service.dataSource.query('select status from "case" where id = $1', [s.caseId]);
      return row?.status === 'awaiting_agreement';
    }, 'case awaiting its agreement');
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/agreement`, {
      token: mediator(s),
      body: { terms: [{ kind: 'apology_letter', dueBy: inDays(5) }], consentedBy: [s.harmedId, s.responsibleId] },
    });
    expect(res.status).toBe(201);
    return s;
  };
  /**
   * The mail's delivery job ran (its moment is past in real time) and found the night still on
   * the service's clock: nothing sent. Then morning comes on the clock; the sweep hands the row
   * to a job again, and it goes.
   */
  const heldThenSent = async (notificationId: string, morning: Date) => {
    const jobs = t.service.running.app.get(JobRunner, { strict: false });
    const row = async () =>
      (
        await t.service.dataSource.query('select status, attempts from notification where id = $1', [notificationId])
      )[0];
    await t.waitFor(
      async () => (await jobs.jobState(notificationDeliverJob, { notificationId })) === 'missing',
      'the delivery job ran and left',
    );
    expect(await row()).toEqual({ status: 'pending', attempts: 0 });
    t.clock.set(new Date(morning.getTime() + 60_000));
    await t.service.running.app.get(NotificationService, { strict: false }).enqueuePending();
    await t.waitFor(async () => (await row()).status === 'sent', 'sent in the morning');
  };
  const closeUnkept = async (s: Scenario) => {
    const closed = await t.service.request('POST', `/api/cases/${s.caseId}/close`, {
      token: mediator(s),
      body: { reasonCode: 'agreement_not_completed' },
    });
    expect(closed.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startOutcomeHarness();
    await t.feeder.send(JurisdictionSettingsChanged, {
      referralId: null,
      aggregateId: JURISDICTION,
      data: { jurisdiction: JURISDICTION, version: 1, timeZone: LA },
    });
    await t.waitFor(
      async () =>
        (
          await t.service.dataSource.query(`select time_zone from jurisdiction_setting where jurisdiction = $1`, [
            JURISDICTION,
          ])
        )[0]?.time_zone === LA,
      'the jurisdiction’s time zone kept',
    );
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.set(null));

  it('holds a Spanish outcome notice through the night in Los Angeles and sends it at 08:00 there, from a neutral sender', async () => {
    const s = await agreed({
      harmedEmail: 'lucia@casa.example',
      harmedLanguage: { preferredLanguage: 'es', interpreter: false },
    });
    const night = lateEveningInLosAngeles();
    const morning = sendableFrom(night, LA);
    expect(localClockOf(morning, LA)).toMatchObject({ hour: 8, minute: 0 });
    t.clock.set(night);
    await closeUnkept(s);

    const [held] = await notices(s.referralId);
    expect(held).toMatchObject({
      status: 'pending',
      subject: 'Una novedad que usted pidió',
      time_zone: LA,
      not_before: morning,
    });
    expect(held.body).toContain('No se cumplieron todos los compromisos del acuerdo');
    await heldThenSent(held.id, morning);
    const mail = await t.smtp.waitFor((m) => m.to.includes('lucia@casa.example'));
    expect(mail.subject).toBe('Una novedad que usted pidió');
    expect(mail.text).toContain('Usted pidió que le informáramos');
    expect(mail.headers['from']).toMatch(/^"?Appointments"? </);
  });

  it('waits out the quiet hours of the participant’s own zone when a mediator recorded one', async () => {
    // 23:00 in Los Angeles is the afternoon in Tokyo: their own zone, not the jurisdiction’s, decides.
    const s = await agreed({
      harmedEmail: 'pablo@casa.example',
      harmedContactConfirmed: { email: 'pablo@casa.example', timeZone: 'Asia/Tokyo' },
    });
    await t.waitFor(
      async () =>
        (await t.service.dataSource.query(`select time_zone from participant where id = $1`, [s.harmedId]))[0]
          ?.time_zone === 'Asia/Tokyo',
      'the participant’s own zone kept',
    );
    t.clock.set(lateEveningInLosAngeles());
    await closeUnkept(s);
    const mail = await t.smtp.waitFor((m) => m.to.includes('pablo@casa.example'));
    expect(mail.subject).toBe('An update you asked for');
    expect((await notices(s.referralId))[0]).toMatchObject({ time_zone: 'Asia/Tokyo', not_before: null });

    // Where they live goes with the referral's personal data.
    const [{ data_key_id: dataKeyId }] = await t.service.dataSource.query(
      'select data_key_id from referral where id = $1',
      [s.referralId],
    );
    await t.feeder.send(ReferralPersonalDataErased, {
      referralId: s.referralId,
      aggregateId: s.referralId,
      data: { dataKeyId, erasedAt: new Date().toISOString() },
    });
    await t.waitFor(
      async () =>
        (await t.service.dataSource.query('select time_zone from participant where id = $1', [s.harmedId]))[0]
          ?.time_zone === null,
      'their own zone erased',
    );
  });

  it('e-mails nobody who needs an interpreter in a language without a catalogue: the skip says why, the mediator is told to phone', async () => {
    const s = await agreed({
      harmedEmail: 'minh@nha.example',
      harmedLanguage: { preferredLanguage: 'vi', interpreter: true },
    });
    await closeUnkept(s);
    await t.waitFor(async () => (await notices(s.referralId))[0], 'the notice recorded');
    expect(await notices(s.referralId)).toEqual([
      expect.objectContaining({ status: 'skipped', last_error: 'no_message_in_language' }),
    ]);
    const outcome = await t.service.request('GET', `/api/cases/${s.caseId}/outcome`, { token: mediator(s) });
    expect(outcome.body).toMatchObject({ harmedPartyNoticesOwed: 1 });
    expect(await t.emitted('harmed_party.informed', s.referralId)).toEqual([]);
    expect(t.smtp.messages.some((m) => m.to.includes('minh@nha.example'))).toBe(false);
  });

  describe('the feedback survey’s invitation', () => {
    /** A case returned 10 days after its dialogue (inside the first survey's window), the person harmed agreeing to feedback. */
    const finished = async (options: ScenarioOptions) => {
      const s = await feedReferral(t.feeder, t.keys, {
        jurisdiction: JURISDICTION,
        conclusion: { agreementReached: false, reasonCode: 'no_agreement' },
        timeline: {
          submittedAt: new Date(Date.now() - 20 * DAY).toISOString(),
          acceptedAfterDays: 2,
          dialogueAfterDays: 10,
        },
        ...options,
      });
      await t.feeder.send(ConsentRecorded, {
        referralId: s.referralId,
        aggregateId: s.caseId,
        data: {
          caseId: s.caseId,
          participantId: s.harmedId,
          purpose: 'feedback',
          decision: 'given',
          byGuardian: false,
        },
      });
      await t.waitFor(async () => {
        const [row] = await t.service.dataSource.query(
          `select c.status from "case" c join consent k on k.participant_id = $2 and k.purpose = 'feedback' where c.id = $1`,
          [s.caseId, s.harmedId],
        );
        return row?.status === 'returned';
      }, 'the case returned and the consent kept');
      return s;
    };
    const release = (s: Scenario) =>
      t.service.request('POST', `/api/cases/${s.caseId}/feedback-invitations`, {
        token: mediator(s),
        body: { participantId: s.harmedId, survey: 'first' },
      });

    it('is written in Spanish for a Spanish reader, held through the night in Los Angeles and sent at 08:00 there', async () => {
      const s = await finished({
        harmedEmail: 'ines@casa.example',
        harmedLanguage: { preferredLanguage: 'es', interpreter: true },
      });
      const night = lateEveningInLosAngeles();
      t.clock.set(night);
      expect((await release(s)).status).toBe(201);
      const [queued] = await t.service.dataSource.query(
        `select id, subject, time_zone, not_before from notification where kind = 'feedback.invitation' and referral_id = $1`,
        [s.referralId],
      );
      expect(queued).toMatchObject({
        subject: 'Unas preguntas para usted',
        time_zone: LA,
        not_before: sendableFrom(night, LA),
      });
      await heldThenSent(queued.id, sendableFrom(night, LA));
      const mail = await t.smtp.waitFor((m) => m.to.includes('ines@casa.example'));
      expect(mail.subject).toBe('Unas preguntas para usted');
      expect(mail.text).toMatch(/Responda aquí \(el enlace funciona una vez, durante 30 días\): http\S+\/survey\/\S+/);
      expect(mail.text).toContain('Si prefiere que no se lo volvamos a pedir');
      expect(mail.headers['from']).toMatch(/^"?Appointments"? </);
      const [invitation] = await t.service.dataSource.query(
        'select language from feedback_invitation where participant_id = $1',
        [s.harmedId],
      );
      expect(invitation.language).toBe('es');
    });

    it('is not released to someone who needs an interpreter in a language without a catalogue: the mediator sees why', async () => {
      const s = await finished({
        harmedEmail: 'tuan@nha.example',
        harmedLanguage: { preferredLanguage: 'vi', interpreter: true },
      });
      const res = await release(s);
      expect(res.status).toBe(409);
      expect(res.body.unmet).toEqual(['no_message_in_language']);
      const status = await t.service.request('GET', `/api/cases/${s.caseId}/feedback-invitations`, {
        token: mediator(s),
      });
      expect(status.body.items).toContainEqual(
        expect.objectContaining({ participantId: s.harmedId, survey: 'first', blocks: ['no_message_in_language'] }),
      );
      expect(
        await t.service.dataSource.query('select 1 from feedback_invitation where participant_id = $1', [s.harmedId]),
      ).toEqual([]);
      expect(t.smtp.messages.some((m) => m.to.includes('tuan@nha.example'))).toBe(false);
    });
  });
});

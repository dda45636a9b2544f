import { PartnerRegistered, uuidv7 } from '@rj/shared/contracts';
import { sampleEvent } from '@rj/shared/contracts/testing';
import { eventually } from '@rj/shared/testing';
import { addDays, DEFAULT_PRACTICE_THRESHOLDS, localDay } from '@rj/scheduling/domain';
import { SchedulingJobs } from '../reminders/scheduling-jobs';
import { startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

/** Issue 22: expiring credentials are e-mailed to the partner's work address, once; participants hear nothing. */
describe('practice reminders', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const request = (method: string, path: string, token: string, body?: unknown) =>
    harness.service.request(method, path, { token, body });
  /** A day counted from today where the sweep counts it: the platform's reference time zone. */
  const day = (days: number) => addDays(localDay(new Date(), DEFAULT_PRACTICE_THRESHOLDS.timeZone), days);

  /** A partner with a work e-mail, as partner-matching announces it, and a mediator of it. */
  const partnerWithMediator = async (fullName: string) => {
    const partnerId = uuidv7();
    const partnerEmail = `intake-${partnerId.slice(-8)}@partner.example`;
    await harness.send(PartnerRegistered, {
      referralId: null,
      aggregateId: partnerId,
      data: { ...sampleEvent('partner.registered').data, partnerId, contact: { email: partnerEmail } },
    });
    await eventually(
      async () => {
        const rows = (await harness.service.dataSource.query('select contact_email from partner where id = $1', [
          partnerId,
        ])) as { contact_email: string }[];
        return rows[0]?.contact_email === partnerEmail ? rows : null;
      },
      60_000,
      'the partner with its work e-mail',
    );
    const partnerAdmin = harness.service.token('partner_admin', partnerId);
    const sub = `mediator-${uuidv7()}`;
    expect(
      (
        await request('POST', '/api/mediators', partnerAdmin, {
          sub,
          fullName,
          contact: { email: `${sub}@partner.example` },
          specialties: [],
        })
      ).status,
    ).toBe(201);
    return { partnerEmail, partnerAdmin, sub };
  };

  it('e-mails the partner about a verified credential expiring within 60 days, once, and not about one further out', async () => {
    const { partnerEmail, partnerAdmin, sub } = await partnerWithMediator('Rae Reminded');
    const admin = harness.service.token('admin', null, 'admin-reminders');
    const record = async (path: string, body: object) => {
      const recorded = await request('POST', `/api/mediators/${sub}/${path}`, partnerAdmin, body);
      expect(recorded.status).toBe(201);
      expect((await request('POST', `/api/practice-records/${recorded.body.id}/verification`, admin)).status).toBe(200);
    };
    await record('credentials', {
      kind: 'youth',
      issuer: 'Youth Academy',
      hours: 8,
      obtainedOn: '2025-01-10',
      expiresOn: day(30),
      offenseCategories: [],
    });
    await record('background-checks', {
      kind: 'criminal_record',
      issuer: 'Screening Authority',
      checkedOn: '2025-01-10',
      expiresOn: day(90),
    });

    const jobs = harness.service.running.app.get(SchedulingJobs);
    expect(await jobs.practiceSweep.sweepOnce()).toBe(1);
    const mail = await harness.smtp.waitFor((m) => m.to.includes(partnerEmail), 30_000);
    expect(mail.subject).toBe(`Rae Reminded: youth credential expires on ${day(30)}`);
    expect(mail.text).toContain('Record the renewed one in the console');

    // Sent once: the next sweep finds it already sent; the check expiring in 90 days stays unannounced.
    expect(await jobs.practiceSweep.sweepOnce()).toBe(0);
    const keys = (await harness.service.dataSource.query(
      'select reminder_key from practice_reminder where mediator_sub = $1',
      [sub],
    )) as { reminder_key: string }[];
    expect(keys.map((k) => k.reminder_key)).toEqual([expect.stringMatching(new RegExp(`^record:.*:${day(30)}$`))]);
    expect(harness.smtp.messages.filter((m) => m.to.includes(partnerEmail))).toHaveLength(1);
    expect(harness.smtp.messages.filter((m) => m.to.includes(`${sub}@partner.example`))).toHaveLength(0);
  });

  it('e-mails the partner when supervision falls due within 14 days, and never the mediator', async () => {
    const { partnerEmail, partnerAdmin, sub } = await partnerWithMediator('Sol Supervised');
    const admin = harness.service.token('admin', null, 'admin-reminders');
    const recorded = await request('POST', `/api/mediators/${sub}/credentials`, partnerAdmin, {
      kind: 'basic_mediation',
      issuer: 'Mediation Academy',
      hours: 30,
      obtainedOn: '2025-01-10',
      offenseCategories: [],
    });
    expect((await request('POST', `/api/practice-records/${recorded.body.id}/verification`, admin)).status).toBe(200);
    // Verified 75 days ago and no session since: the clock started then, the first session is due in 9 days.
    await harness.service.dataSource.query(
      `update practice_record set verified_on = $2, verified_at = verified_at - interval '75 days' where id = $1`,
      [recorded.body.id, day(-75)],
    );
    const standing = (await request('GET', `/api/mediators/${sub}/practice-record`, partnerAdmin)).body.standing;
    expect(standing.supervision).toMatchObject({ state: 'current', dueOn: day(9) });

    const jobs = harness.service.running.app.get(SchedulingJobs);
    await jobs.practiceSweep.sweepOnce();
    const mail = await harness.smtp.waitFor((m) => m.to.includes(partnerEmail), 30_000);
    expect(mail.subject).toBe(`Sol Supervised: supervision due on ${day(9)}`);
    expect(mail.text).toContain('Record the session in the console (a date and the supervisor only)');
    expect(harness.smtp.messages.filter((m) => m.to.includes(`${sub}@partner.example`))).toHaveLength(0);
  });
});

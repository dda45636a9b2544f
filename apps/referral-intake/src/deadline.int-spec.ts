import { Topics } from '@rj/shared/contracts';
import { JobRunner } from '@rj/shared/jobs';
import { NotificationEntity } from '@rj/shared/notifications';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '@rj/shared/testing';
import { DEADLINE_SCAN_PAYLOAD, deadlineScanJob } from './deadline/deadline-scan.job';
import { DeadlineScanner } from './deadline/deadline-scanner';
import { eventsOf } from './test/events';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { plaintextsOf, referralBody } from './test/referral-body';

const DAY = 86_400_000;
const dateIn = (days: number, from = new Date()) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

describe('referral-intake: the report-back deadline scan', () => {
  let smtp: TestSmtpServer;
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };
  let scanner: DeadlineScanner;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    intake = await startIntakeHarness({ SMTP_URL: smtp.url, DEADLINE_RISK_DAYS: '14' });
    office = await intake.registerOffice(['NL-NH'], 'deadlines@north.example');
    scanner = intake.running.app.get(DeadlineScanner);
  });
  afterAll(async () => {
    await intake?.close();
    await smtp?.close();
  });

  const submit = async (reportBackBy: string) => {
    const body = referralBody({ reportBackBy });
    return { id: (await intake.submit(office.prosecutor, body)).body.id as string, body };
  };
  const atRiskEvents = (id: string, count: number) =>
    eventsOf(
      intake.topics.prefix,
      Topics.referral,
      id,
      (events) => events.filter((e) => e.type === 'referral.deadline_at_risk').length >= count,
      5000,
    ).then((events) => events.filter((e) => e.type === 'referral.deadline_at_risk'));

  it('flags an open referral within the window once, through the BullMQ job, and mails the office without names', async () => {
    const { id, body } = await submit(dateIn(10));
    const far = await submit(dateIn(40));
    await intake.running.app.get(JobRunner).enqueue(deadlineScanJob, DEADLINE_SCAN_PAYLOAD);

    const mail = await smtp.waitFor((m) => m.subject.includes(id), 20_000);
    expect(mail.to).toEqual(['deadlines@north.example']);
    expect(mail.text).toContain(`Its report-back date is ${dateIn(10)} (in 10 days)`);
    for (const plaintext of plaintextsOf(body)) expect(`${mail.subject}\n${mail.text}`).not.toContain(plaintext);
    const [event] = await atRiskEvents(id, 1);
    expect(event).toMatchObject({
      actor: { sub: 'system:referral-intake', role: 'service', org: null },
      data: { reportBackBy: dateIn(10), daysLeft: 10 },
    });
    await eventually(
      async () =>
        (await intake.dataSource.manager.findOneBy(NotificationEntity, { referralId: id }))?.status === 'sent',
    );

    expect(await scanner.scan()).toBe(0);
    expect(await atRiskEvents(id, 2)).toHaveLength(1);
    expect(await atRiskEvents(far.id, 1)).toHaveLength(0);
  });

  it("is ready once its database, Kafka and the jobs' Redis answer (the shared readiness checks)", async () => {
    const ready = await intake.request('GET', '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { checks: { postgres: 'up', kafka: 'up', redis: 'up' } } });
  });

  it('flags an extended deadline again when the new date comes near, and never a closed referral', async () => {
    const { id } = await submit(dateIn(5));
    const withdrawn = await submit(dateIn(5));
    await intake.request('POST', `/api/referrals/${withdrawn.id}/withdraw`, {
      token: office.prosecutor,
      body: { reasonCode: 'charges_dropped' },
    });
    expect(await scanner.scan()).toBe(1);
    await intake.request('PATCH', `/api/referrals/${id}`, {
      token: office.prosecutor,
      body: { reportBackBy: dateIn(60) },
    });
    expect(await scanner.scan()).toBe(0);
    // The injected clock stands 50 days on: the new date is 10 days away.
    expect(await scanner.scan(new Date(Date.now() + 50 * DAY))).toBeGreaterThanOrEqual(1);
    const events = await atRiskEvents(id, 2);
    expect(events.map((e) => (e.data as { reportBackBy: string }).reportBackBy)).toEqual([dateIn(5), dateIn(60)]);
    expect(await atRiskEvents(withdrawn.id, 1)).toHaveLength(0);
  });

  it('says 0 days left once the deadline has passed', async () => {
    const { id } = await submit(dateIn(3));
    await scanner.scan(new Date(Date.now() + 10 * DAY));
    const [event] = await atRiskEvents(id, 1);
    expect(event.data).toEqual({ reportBackBy: dateIn(3), daysLeft: 0 });
  });
});

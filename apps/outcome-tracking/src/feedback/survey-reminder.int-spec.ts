import { PartnerRegistered, uuidv7 } from '@rj/shared/contracts';
import { OutcomeScanService } from '../scan/outcome-scan.service';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';
import { feedReferral, type Scenario } from '../test/referral-scenario';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const LINK = /\/survey\/([A-Za-z0-9_-]{43})(\/stop)?/g;

interface MailRow {
  kind: string;
  subject: string;
  body: string;
  sender_name: string | null;
}

/** The survey's one reminder and "stop asking me" (issue 20), on real Postgres, Kafka, Redis and SMTP. */
describe('outcome-tracking: the survey reminder and “stop asking me”', () => {
  let t: OutcomeHarness;
  const partnerId = uuidv7();
  const mails = async (s: Scenario, kind?: string): Promise<MailRow[]> =>
    t.service.dataSource.query(
      `select kind, subject, body, sender_name from notification
       where referral_id = $1 and kind like 'feedback.%' and ($2::text is null or kind = $2) order by created_at`,
      [s.referralId, kind ?? null],
    );
  const linksIn = (body: string) => [...body.matchAll(LINK)].map((m) => ({ token: m[1], stop: Boolean(m[2]) }));
  const invitation = async (s: Scenario) =>
    (
      await t.service.dataSource.query(
        `select reminded_at, reminder_token_hash, used_at from feedback_invitation where participant_id = $1`,
        [s.harmedId],
      )
    )[0] as { reminded_at: Date | null; reminder_token_hash: string | null; used_at: Date | null };
  const releasedDaysAgo = (s: Scenario, days: number) =>
    t.service.dataSource.query(
      `update feedback_invitation set released_at = now() - make_interval(secs => $2::float8 * 86400) where participant_id = $1`,
      [s.harmedId, days],
    );
  const scanNow = () => t.service.running.app.get(OutcomeScanService, { strict: false }).scan();

  /** A returned case, feedback consent given, the person harmed's first survey released; returns its invitation mail's token. */
  const released = async (email: string): Promise<{ s: Scenario; token: string }> => {
    const s = await feedReferral(t.feeder, t.keys, {
      partnerId,
      harmedEmail: email,
      consents: ['feedback'],
      conclusion: { agreementReached: false, reasonCode: 'no_agreement' },
      timeline: { submittedAt: daysAgo(20), acceptedAfterDays: 2, dialogueAfterDays: 10 },
    });
    await t.waitFor(async () => {
      const [row] = await t.service.dataSource.query(
        `select 1 from "case" c where c.id = $1 and c.status = 'returned' and c.last_dialogue_at is not null
         and (select count(*) from consent where referral_id = c.referral_id) >= 4`,
        [s.caseId],
      );
      return row;
    }, 'the case returned with its consents');
    const res = await t.service.request('POST', `/api/cases/${s.caseId}/feedback-invitations`, {
      token: t.service.token('mediator', s.partnerId, s.mediatorSub),
      body: { participantId: s.harmedId, survey: 'first' },
    });
    expect(res.status).toBe(201);
    const [mail] = await mails(s, 'feedback.invitation');
    return { s, token: linksIn(mail.body)[0].token };
  };

  beforeAll(async () => {
    t = await startOutcomeHarness();
    await t.feeder.send(PartnerRegistered, {
      referralId: null,
      aggregateId: partnerId,
      data: {
        partnerId,
        name: 'De Brug',
        jurisdictions: ['NL-NH'],
        offenseCategories: ['property_damage'],
        languages: ['nl', 'en'],
        servesMinors: false,
        capacity: 10,
        responseHours: 48,
        specialties: [],
        active: true,
      },
    });
    await t.waitFor(
      async () => (await t.service.dataSource.query(`select name from partner where id = $1`, [partnerId]))[0]?.name,
      'the partner’s name kept',
    );
  });
  afterAll(() => t?.close());

  it('sends the invitation in the partner’s name, with the survey link and a stop link', async () => {
    const { s, token } = await released('named@home.example');
    const [mail] = await mails(s, 'feedback.invitation');
    expect(mail.sender_name).toBe('De Brug');
    expect(linksIn(mail.body)).toEqual([
      { token, stop: false },
      { token, stop: true },
    ]);
    const delivered = await t.smtp.waitFor((m) => m.to.includes('named@home.example'));
    expect(delivered.headers['from']).toMatch(/^"?De Brug"? </);
  });

  it('reminds once, a week on, with a second link to the same survey; either link answers it once', async () => {
    const { s, token } = await released('quiet@home.example');
    expect(await mails(s, 'feedback.reminder')).toEqual([]);
    await releasedDaysAgo(s, 8);
    const [reminder] = await t.waitFor(async () => {
      const rows = await mails(s, 'feedback.reminder');
      return rows.length ? rows : undefined;
    }, 'the reminder queued by the scan');
    expect(reminder.sender_name).toBe('De Brug');
    expect(reminder.body).toMatch(/only reminder/);
    const links = linksIn(reminder.body);
    expect(links.map((l) => l.stop)).toEqual([false, true]);
    const second = links[0].token;
    expect(second).not.toBe(token);

    // The scan runs again (here, and every 400 ms in this test): still one reminder.
    await scanNow();
    expect(await mails(s, 'feedback.reminder')).toHaveLength(1);

    expect((await t.service.request('GET', `/api/surveys/${second}`)).status).toBe(200);
    expect(
      (await t.service.request('POST', `/api/surveys/${second}`, { body: { answers: { safe: '4' } } })).status,
    ).toBe(201);
    expect((await t.service.request('GET', `/api/surveys/${token}`)).status).toBe(410);
    expect((await invitation(s)).used_at).not.toBeNull();
  });

  it('sends no reminder to someone who answered', async () => {
    const { s, token } = await released('answered@home.example');
    await t.service.request('POST', `/api/surveys/${token}`, { body: { answers: { voice: '5' } } });
    await releasedDaysAgo(s, 8);
    await scanNow();
    expect((await invitation(s)).reminded_at).toBeNull();
    expect(await mails(s, 'feedback.reminder')).toEqual([]);
  });

  it('never reminds in the link’s last day', async () => {
    const { s } = await released('late-reminder@home.example');
    await releasedDaysAgo(s, 29.5);
    await scanNow();
    expect((await invitation(s)).reminded_at).toBeNull();
    expect(await mails(s, 'feedback.reminder')).toEqual([]);
  });

  it('“stop asking me” keeps the wish by participant id alone, and withholds the reminder and any later survey', async () => {
    const { s, token } = await released('stop@home.example');
    expect((await t.service.request('POST', `/api/surveys/${'x'.repeat(43)}/stop`)).status).toBe(404);
    const stop = await t.service.request('POST', `/api/surveys/${token}/stop`);
    expect(stop.status).toBe(200);
    expect((await t.service.request('POST', `/api/surveys/${token}/stop`)).status).toBe(200);
    const kept = await t.service.dataSource.query(`select * from feedback_opt_out where participant_id = $1`, [
      s.harmedId,
    ]);
    expect(kept).toHaveLength(1);
    expect(Object.keys(kept[0]).sort()).toEqual(['opted_out_at', 'participant_id']);

    await releasedDaysAgo(s, 8);
    await t.waitFor(async () => (await invitation(s)).reminded_at, 'the reminder settled by the scan');
    expect((await invitation(s)).reminder_token_hash).toBeNull();
    expect(await mails(s, 'feedback.reminder')).toEqual([]);

    const status = await t.service.request('GET', `/api/cases/${s.caseId}/feedback-invitations`, {
      token: t.service.token('mediator', s.partnerId, s.mediatorSub),
    });
    const second = status.body.items.find(
      (i: { participantId: string; survey: string }) => i.participantId === s.harmedId && i.survey === 'second',
    );
    expect(second.blocks).toContain('asked_not_to_be_surveyed');
    // The survey itself still opens: the wish is about being asked, not about answering.
    expect((await t.service.request('GET', `/api/surveys/${token}`)).status).toBe(200);
  });
});

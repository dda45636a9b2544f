import { ConsentRecorded, DisclosureRecorded, RiskAssessed, uuidv7 } from '@rj/shared/contracts';
import { feedReferral, type Scenario, type ScenarioOptions } from '../test/referral-scenario';
import { startOutcomeHarness, type OutcomeHarness } from '../test/outcome-harness';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('outcome-tracking: participants’ feedback surveys', () => {
  let t: OutcomeHarness;
  const officeId = uuidv7();
  const partnerId = uuidv7();
  const mediator = (s: Scenario) => t.service.token('mediator', s.partnerId, s.mediatorSub);
  const release = (s: Scenario, participantId = s.harmedId, survey = 'first') =>
    t.service.request('POST', `/api/cases/${s.caseId}/feedback-invitations`, {
      token: mediator(s),
      body: { participantId, survey },
    });
  const answers = async () =>
    ((await t.service.dataSource.query('select count(*)::int as n from feedback_answer')) as { n: number }[])[0].n;
  /** A case returned after a dialogue held 10 days ago: inside the first survey's window. */
  const finished = async (options: ScenarioOptions & { email: string }) => {
    const s = await feedReferral(t.feeder, t.keys, {
      officeId,
      partnerId,
      harmedEmail: options.email,
      conclusion: { agreementReached: false, reasonCode: 'no_agreement' },
      timeline: { submittedAt: daysAgo(20), acceptedAfterDays: 2, dialogueAfterDays: 10 },
      ...options,
    });
    await t.waitFor(async () => {
      const [row] = await t.service.dataSource.query(`select status, last_dialogue_at from "case" where id = $1`, [
        s.caseId,
      ]);
      return row?.status === 'returned' && row.last_dialogue_at ? row : undefined;
    }, 'the case returned after its dialogue');
    return s;
  };
  const consentsApplied = (s: Scenario, n: number) =>
    t.waitFor(
      async () =>
        (
          (await t.service.dataSource.query(`select count(*)::int as n from consent where referral_id = $1`, [
            s.referralId,
          ])) as { n: number }[]
        )[0].n >= n,
      'consents applied',
    );

  beforeAll(async () => {
    t = await startOutcomeHarness();
  });
  afterAll(() => t?.close());

  it('sends nothing without the participant’s feedback consent', async () => {
    const s = await finished({ email: 'no-consent@home.example' });
    const res = await release(s);
    expect(res.status).toBe(409);
    expect(res.body.unmet).toEqual(['no_feedback_consent']);
    expect(
      await t.service.dataSource.query('select 1 from feedback_invitation where participant_id = $1', [s.harmedId]),
    ).toEqual([]);
    expect(t.smtp.messages.some((m) => m.to.includes('no-consent@home.example'))).toBe(false);
  });

  it.each([
    [
      'a stop risk assessment',
      'risk_stop',
      async (s: Scenario) => {
        await t.feeder.send(RiskAssessed, {
          referralId: s.referralId,
          aggregateId: s.caseId,
          data: { caseId: s.caseId, participantId: s.responsibleId, outcome: 'stop' },
        });
        await t.waitFor(
          async () =>
            (await t.service.dataSource.query(`select risk_stop from "case" where id = $1`, [s.caseId]))[0]
              ?.risk_stop === true,
          'risk stop',
        );
      },
    ],
    [
      'a disclosure',
      'disclosure',
      async (s: Scenario) => {
        await t.feeder.send(DisclosureRecorded, {
          referralId: s.referralId,
          aggregateId: s.caseId,
          data: { caseId: s.caseId, legalBasis: 'imminent_harm', recipientKind: 'police' },
        });
        await t.waitFor(
          async () =>
            (await t.service.dataSource.query(`select disclosure from "case" where id = $1`, [s.caseId]))[0]
              ?.disclosure === true,
          'disclosure',
        );
      },
    ],
    [
      'a withdrawal',
      'withdrawn',
      async (s: Scenario) => {
        await t.feeder.send(ConsentRecorded, {
          referralId: s.referralId,
          aggregateId: s.caseId,
          data: {
            caseId: s.caseId,
            participantId: s.responsibleId,
            purpose: 'participation',
            decision: 'withdrawn',
            byGuardian: false,
          },
        });
        await t.waitFor(
          async () =>
            (
              await t.service.dataSource.query(
                `select 1 from consent where participant_id = $1 and decision = 'withdrawn'`,
                [s.responsibleId],
              )
            ).length > 0,
          'withdrawal',
        );
      },
    ],
  ] as const)('refuses the release after %s', async (_name, block, happen) => {
    const s = await finished({ email: `${block}@home.example`, consents: ['feedback'] });
    await consentsApplied(s, 4);
    await happen(s);
    const res = await release(s);
    expect(res.status).toBe(409);
    expect(res.body.unmet).toContain(block);
    expect(t.smtp.messages.some((m) => m.to.includes(`${block}@home.example`))).toBe(false);
  });

  it('refuses the release when the safe channel was last confirmed more than 30 days ago', async () => {
    const s = await finished({
      email: 'stale@home.example',
      consents: ['feedback'],
      harmedContactConfirmed: { email: 'stale@home.example', at: daysAgo(40) },
    });
    await consentsApplied(s, 4);
    await t.waitFor(
      async () =>
        (
          await t.service.dataSource.query(`select channel_confirmed_at from participant where id = $1`, [s.harmedId])
        )[0]?.channel_confirmed_at,
      'the confirmation applied',
    );
    const res = await release(s);
    expect(res.status).toBe(409);
    expect(res.body.unmet).toEqual(['safe_channel_not_reconfirmed']);
  });

  describe('a released survey', () => {
    let s: Scenario;
    let token: string;

    beforeAll(async () => {
      s = await finished({ email: 'willing@home.example', consents: ['feedback'] });
      await consentsApplied(s, 4);
      const res = await release(s);
      expect(res.status).toBe(201);
      expect(JSON.stringify(res.body)).not.toMatch(/token/i);
      const mail = await t.smtp.waitFor((m) => m.to.includes('willing@home.example'));
      expect(mail.subject).toBe('A few questions for you');
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/restorative|justice|mediat|victim|offen/i);
      token = /\/survey\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] ?? '';
      expect(token).toHaveLength(43);
    });

    it('refuses a second release of the same survey', async () => {
      expect((await release(s)).body.unmet).toEqual(['already_released']);
    });

    it('opens without a token, and the link works once', async () => {
      const survey = await t.service.request('GET', `/api/surveys/${token}`);
      expect(survey.status).toBe(200);
      expect(survey.body).toMatchObject({ survey: 'first', language: 'en', version: 'adult' });
      expect(survey.body.items.map((i: { id: string }) => i.id)).not.toContain('fair_agreement');
      const first = await t.service.request('POST', `/api/surveys/${token}`, {
        body: { answers: { safe: '5', respected: '4', voice: 'prefer_not_to_say' } },
      });
      expect(first.status).toBe(201);
      expect(await answers()).toBe(1);
      const second = await t.service.request('POST', `/api/surveys/${token}`, { body: { answers: { safe: '1' } } });
      expect(second.status).toBe(410);
      expect(second.body.state).toBe('used');
      expect((await t.service.request('GET', `/api/surveys/${token}`)).status).toBe(410);
      expect(await answers()).toBe(1);
    });

    it('keeps the answers unlinked from the participant, and out of every event', async () => {
      const [row] = await t.service.dataSource.query('select * from feedback_answer');
      expect(Object.keys(row).sort()).toEqual([
        'answers',
        'id',
        'jurisdiction',
        'partner_id',
        'period',
        'role',
        'survey',
      ]);
      expect(row).toMatchObject({
        role: 'harmed',
        survey: 'first',
        answers: { safe: '5', respected: '4', voice: 'prefer_not_to_say' },
      });
      expect(JSON.stringify(row)).not.toContain(s.harmedId);
      const outbox = JSON.stringify(await t.service.dataSource.query('select payload from outbox'));
      expect(outbox).not.toMatch(/prefer_not_to_say|"safe"|respected/);
    });
  });

  it('reports results only in aggregate, by role, withholding groups of fewer than 5', async () => {
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const res = await t.service.request('GET', `/api/feedback/results?period=${quarter}`, {
      token: t.service.token('auditor'),
    });
    expect(res.status).toBe(200);
    const harmed = res.body.groups.find(
      (g: { survey: string; role: string }) => g.survey === 'first' && g.role === 'harmed',
    );
    // One or two surveys released and one answered so far: too few to show, and nothing per person.
    expect(harmed).toMatchObject({ released: null, answered: null, responseRate: null });
    expect(JSON.stringify(res.body)).not.toMatch(/participantId|caseId/);
    expect(
      (
        await t.service.request('GET', `/api/feedback/results?period=${quarter}`, {
          token: t.service.token('prosecutor', officeId),
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.service.request('GET', '/api/feedback/results?period=2026-05', { token: t.service.token('auditor') }))
        .status,
    ).toBe(400);
  });

  it('stores nothing from an expired or a forged link', async () => {
    const s = await finished({ email: 'late@home.example', consents: ['feedback'] });
    await consentsApplied(s, 4);
    expect((await release(s)).status).toBe(201);
    const mail = await t.smtp.waitFor((m) => m.to.includes('late@home.example'));
    const token = /\/survey\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] ?? '';
    await t.service.dataSource.query(
      `update feedback_invitation set released_at = now() - interval '31 days' where participant_id = $1`,
      [s.harmedId],
    );
    const before = await answers();
    const expired = await t.service.request('POST', `/api/surveys/${token}`, { body: { answers: { safe: '3' } } });
    expect(expired.status).toBe(410);
    expect(expired.body.state).toBe('expired');
    const forged = await t.service.request('POST', `/api/surveys/${'x'.repeat(43)}`, {
      body: { answers: { safe: '3' } },
    });
    expect(forged.status).toBe(404);
    expect(await answers()).toBe(before);
    expect(
      (
        await t.service.dataSource.query(`select used_at from feedback_invitation where participant_id = $1`, [
          s.harmedId,
        ])
      )[0].used_at,
    ).toBeNull();
  });

  it('lets only the assigned mediator release, and hides another partner’s case', async () => {
    const s = await finished({ email: 'roles@home.example', consents: ['feedback'] });
    const path = `/api/cases/${s.caseId}/feedback-invitations`;
    const body = { participantId: s.harmedId, survey: 'first' };
    expect((await t.service.request('POST', path, { body })).status).toBe(401);
    expect(
      (await t.service.request('POST', path, { token: t.service.token('prosecutor', officeId), body })).status,
    ).toBe(403);
    expect(
      (await t.service.request('POST', path, { token: t.service.token('mediator', uuidv7(), s.mediatorSub), body }))
        .status,
    ).toBe(404);
    expect(
      (await t.service.request('POST', path, { token: t.service.token('mediator', s.partnerId, 'someone-else'), body }))
        .status,
    ).toBe(403);
    expect(
      (await t.service.request('GET', path, { token: t.service.token('partner_admin', s.partnerId) })).status,
    ).toBe(200);
  });
});

import { ReferralScreened, ReferralSubmitted, Topics, validateEventData } from '@rj/shared/contracts';
import { eventsOf, hasTypes } from './test/events';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

describe('referral-intake: submitting, screening and deciding on referrals', () => {
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };

  beforeAll(async () => {
    intake = await startIntakeHarness({ BODY_LIMIT: '64kb' });
    office = await intake.registerOffice(['NL-NH', 'NL-FL']);
  });
  afterAll(() => intake?.close());

  it('serves its OpenAPI document (never the key store) and is ready once Postgres and Kafka answer', async () => {
    const docs = await intake.request('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    const paths = Object.keys(docs.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/offices',
        '/api/referrals',
        '/api/referrals/{id}',
        '/api/referrals/{id}/review',
        '/api/referrals/{id}/report',
        '/api/referrals/{id}/personal-data',
        '/api/screening-policies/{jurisdiction}',
      ]),
    );
    expect(paths.some((path) => path.startsWith('/internal'))).toBe(false);
    expect(docs.body.components.schemas.CreateReferralDto.required).toEqual(
      expect.arrayContaining(['source', 'caseNumber', 'parties']),
    );
    expect(await intake.request('GET', '/health/ready')).toMatchObject({
      status: 200,
      body: { checks: { postgres: 'up', kafka: 'up' } },
    });
  });

  describe('POST /api/referrals', () => {
    it('screens a referral at once and answers 201 with its id, status and the screening', async () => {
      const response = await intake.submit(office.prosecutor, referralBody());
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        status: 'matching',
        screening: {
          outcome: 'eligible',
          reasons: [],
          policyVersion: 0,
          policyJurisdiction: 'NL-NH',
          defaultPolicy: true,
        },
      });
      const detail = await intake.request('GET', `/api/referrals/${response.body.id}`, { token: office.prosecutor });
      expect(
        detail.body.statusHistory.map((step: { status: string; cause: string }) => [step.status, step.cause]),
      ).toEqual([
        ['submitted', 'referral.submitted'],
        ['matching', 'referral.screened'],
      ]);
    });

    it('publishes referral.submitted with what other services need, personal data as ciphertext, then referral.screened', async () => {
      const body = referralBody();
      const { body: created } = await intake.submit(office.prosecutor, body);
      const events = await eventsOf(
        intake.topics.prefix,
        Topics.referral,
        created.id,
        hasTypes('referral.submitted', 'referral.screened'),
      );
      const submitted = events.find((event) => event.type === 'referral.submitted')!;
      const screened = events.find((event) => event.type === 'referral.screened')!;
      expect(validateEventData(ReferralSubmitted, submitted.data)).toEqual([]);
      expect(validateEventData(ReferralScreened, screened.data)).toEqual([]);
      expect(submitted).toMatchObject({
        actor: { role: 'prosecutor', org: office.id },
        data: {
          officeId: office.id,
          jurisdiction: 'NL-NH',
          languages: ['nl', 'en'],
          hasMinor: true,
          offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
        },
      });
      const [harmed, responsible] = (submitted.data as any).participants;
      expect(harmed).toMatchObject({
        role: 'harmed',
        fullName: expect.stringMatching(/^pii:1:/),
        dateOfBirth: expect.stringMatching(/^pii:1:/),
        hasAccessibilityNeeds: true,
        contact: { email: expect.stringMatching(/^pii:1:/), safeChannels: ['email'] },
      });
      expect(responsible).toMatchObject({
        minor: true,
        guardian: { fullName: expect.stringMatching(/^pii:1:/) },
        counsel: { fullName: expect.stringMatching(/^pii:1:/) },
        interpreter: true,
      });
      expect((submitted.data as any).caseNumber).toMatch(/^pii:1:/);
      expect(JSON.stringify(submitted)).not.toMatch(/description|notes|accessibilityNeeds"/);
      expect(screened).toMatchObject({
        causationId: submitted.id,
        correlationId: submitted.correlationId,
        data: { outcome: 'eligible', policyVersion: 0, policyJurisdiction: 'NL-NH' },
      });
    });

    it('sends a referral with a protective order to review and an excluded category to ineligible, naming the rule', async () => {
      const review = await intake.submit(office.prosecutor, referralBody({ protectiveOrder: true }));
      expect(review.body).toMatchObject({
        status: 'needs_review',
        screening: {
          outcome: 'needs_review',
          reasons: [{ rule: 'protective_order_review', detail: 'protective_order' }],
        },
      });
      const excluded = await intake.submit(
        office.prosecutor,
        referralBody({ offense: { code: 'SR-300', category: 'domestic_violence', severity: 'felony' } }),
      );
      expect(excluded.body).toMatchObject({
        status: 'ineligible',
        screening: {
          outcome: 'ineligible',
          reasons: [{ rule: 'excluded_offense_category', detail: 'domestic_violence' }],
        },
      });
    });

    it('refuses a jurisdiction outside the office (403) and a prosecutor of no registered office (403)', async () => {
      expect((await intake.submit(office.prosecutor, referralBody({ jurisdiction: 'BE-VAN' }))).status).toBe(403);
      expect(
        (await intake.submit(intake.as('prosecutor', '01950000-0000-7000-8000-0000000000ff'), referralBody())).status,
      ).toBe(403);
      expect((await intake.submit(intake.as('prosecutor', 'not-an-office'), referralBody())).status).toBe(403);
    });

    it.each([
      ['an unknown field', { ...referralBody(), shoeSize: 42 }, 'shoeSize', 'is not a known field'],
      [
        'an unknown nested field',
        referralBody({ offense: { code: 'A', category: 'theft', severity: 'felony', weapon: 'none' } }),
        'offense.weapon',
        'is not a known field',
      ],
      [
        'no harmed party',
        referralBody({ parties: [referralBody().parties[1], referralBody().parties[1]] }),
        'parties',
        'needs at least one party with role harmed',
      ],
      [
        'a minor without a guardian',
        referralBody({ parties: [referralBody().parties[0], { ...referralBody().parties[1], guardian: undefined }] }),
        'parties[1].guardian',
        'a minor needs a guardian',
      ],
      [
        'an incident in the future',
        referralBody({ incidentDate: '2999-01-01' }),
        'incidentDate',
        'must not be in the future',
      ],
      [
        'a date that does not exist',
        referralBody({ reportBackBy: '2099-02-30' }),
        'reportBackBy',
        'must be a date YYYY-MM-DD',
      ],
      [
        'an unknown severity',
        referralBody({ offense: { code: 'A', category: 'theft', severity: 'heinous' } }),
        'offense.severity',
        expect.stringContaining('must be one of'),
      ],
      [
        'a safe channel without its address',
        referralBody({
          parties: [{ ...referralBody().parties[0], contact: { safeChannels: ['sms'] } }, referralBody().parties[1]],
        }),
        'parties[0].contact.safeChannels',
        'names sms or phone, but there is no phone',
      ],
      [
        'a name too long',
        referralBody({
          parties: [{ ...referralBody().parties[0], fullName: 'x'.repeat(201) }, referralBody().parties[1]],
        }),
        'parties[0].fullName',
        expect.stringContaining('shorter than or equal to 200'),
      ],
      [
        '"__proto__" as a key (found by fuzzing)',
        JSON.stringify(referralBody()).replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
        '__proto__',
        'is not a known field',
      ],
      [
        'a key of Object.prototype (found by fuzzing)',
        { ...referralBody(), toString: {} },
        'toString',
        'is not a known field',
      ],
      [
        'a guardian that is an array (found by fuzzing)',
        referralBody({ parties: [referralBody().parties[0], { ...referralBody().parties[1], guardian: [] }] }),
        'parties[1].guardian',
        'must be an object',
      ],
      [
        'more than 20 parties',
        referralBody({ parties: Array.from({ length: 21 }, () => referralBody().parties[0]) }),
        'parties',
        expect.stringContaining('no more than 20'),
      ],
    ])('refuses %s with 400 problem+json naming the field', async (_what, body, field, message) => {
      const response = await intake.submit(office.prosecutor, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors).toEqual(expect.arrayContaining([{ field, message }]));
    });

    it('answers 400 to malformed JSON and 413 to a body over the limit', async () => {
      expect((await intake.submit(office.prosecutor, '{"source": "prosecutor",')).status).toBe(400);
      const huge = await intake.submit(office.prosecutor, referralBody({ notes: 'x'.repeat(70_000) }));
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ status: 413, title: 'Payload too large' });
    });
  });

  describe('Idempotency-Key', () => {
    it('answers the same key and body with the first result, and the same key with another body with 409', async () => {
      const body = referralBody();
      const first = await intake.submit(office.prosecutor, body, { 'Idempotency-Key': 'case-42-first' });
      const again = await intake.submit(office.prosecutor, JSON.parse(JSON.stringify(body)), {
        'Idempotency-Key': 'case-42-first',
      });
      expect(first.status).toBe(201);
      expect(again).toMatchObject({ status: 201, body: first.body });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await intake.submit(office.prosecutor, referralBody(), { 'Idempotency-Key': 'case-42-first' });
      expect(other).toMatchObject({ status: 409, body: { rule: 'idempotency_key_reused' } });
    });

    it('scopes keys to the office: another office may use the same key', async () => {
      const other = await intake.registerOffice(['NL-NH']);
      const mine = await intake.submit(office.prosecutor, referralBody(), { 'Idempotency-Key': 'shared-key' });
      const theirs = await intake.submit(other.prosecutor, referralBody(), { 'Idempotency-Key': 'shared-key' });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('creates one referral for concurrent duplicates, and every one of them gets its answer', async () => {
      const body = referralBody();
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => intake.submit(office.prosecutor, body, { 'Idempotency-Key': 'concurrent-1' })),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      const [{ count }] = await intake.dataSource.query(
        'select count(*)::int as count from referral where case_number is not null and id = $1',
        [responses[0].body.id],
      );
      expect(count).toBe(1);
      const [{ total }] = await intake.dataSource.query(
        `select count(*)::int as total from outbox where event_type = 'referral.submitted' and payload->>'referralId' = $1`,
        [responses[0].body.id],
      );
      expect(total).toBe(1);
    });

    it('refuses a malformed key', async () => {
      const response = await intake.submit(office.prosecutor, referralBody(), { 'Idempotency-Key': 'x'.repeat(256) });
      expect(response).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'Idempotency-Key', message: expect.any(String) }] },
      });
    });
  });

  describe('screening policy as data', () => {
    it('versions every PUT and screens by the latest version, recording which decided', async () => {
      const policy = {
        excludedOffenseCategories: ['sexual_offense'],
        reviewOffenseCategories: ['assault'],
        allowedStages: ['pre_charge', 'pre_trial'],
        excludedSeverities: [],
        protectiveOrderNeedsReview: true,
      };
      const v1 = await intake.request('PUT', '/api/screening-policies/NL-FL', { token: intake.admin, body: policy });
      const v2 = await intake.request('PUT', '/api/screening-policies/NL-FL', {
        token: intake.admin,
        body: { ...policy, excludedSeverities: ['felony'] },
      });
      expect([v1.status, v1.body.version, v2.body.version, v2.body.default]).toEqual([200, 1, 2, false]);

      const assault = await intake.submit(
        office.prosecutor,
        referralBody({
          jurisdiction: 'NL-FL',
          offense: { code: 'SR-300', category: 'assault', severity: 'misdemeanor' },
        }),
      );
      expect(assault.body.screening).toEqual({
        outcome: 'needs_review',
        reasons: [{ rule: 'review_offense_category', detail: 'assault' }],
        policyVersion: 2,
        policyJurisdiction: 'NL-FL',
        defaultPolicy: false,
      });
      const lateStage = await intake.submit(
        office.prosecutor,
        referralBody({
          jurisdiction: 'NL-FL',
          stage: 'post_conviction',
          offense: { code: 'X', category: 'theft', severity: 'felony' },
        }),
      );
      expect(lateStage.body.screening.reasons.map((reason: { rule: string }) => reason.rule)).toEqual([
        'excluded_severity',
        'stage_not_allowed',
      ]);
      const events = await eventsOf(
        intake.topics.prefix,
        Topics.referral,
        lateStage.body.id,
        hasTypes('referral.screened'),
      );
      expect(events.find((e) => e.type === 'referral.screened')?.data).toMatchObject({
        policyVersion: 2,
        policyJurisdiction: 'NL-FL',
        outcome: 'ineligible',
      });

      expect(
        (await intake.request('GET', '/api/screening-policies/NL-FL?version=1', { token: office.prosecutor })).body,
      ).toMatchObject({ version: 1, excludedSeverities: [] });
      expect(
        (await intake.request('GET', '/api/screening-policies/NL-FL', { token: office.prosecutor })).body,
      ).toMatchObject({ version: 2, excludedSeverities: ['felony'] });
      expect(
        (await intake.request('GET', '/api/screening-policies/NL-ZE', { token: office.prosecutor })).body,
      ).toMatchObject({
        version: 0,
        default: true,
        excludedOffenseCategories: ['domestic_violence', 'sexual_offense'],
      });
      expect(
        (await intake.request('GET', '/api/screening-policies', { token: office.prosecutor })).body.items.map(
          (p: { jurisdiction: string }) => p.jurisdiction,
        ),
      ).toContain('NL-FL');
    });

    it('refuses a policy that contradicts itself, naming each mistake', async () => {
      const response = await intake.request('PUT', '/api/screening-policies/NL-GR', {
        token: intake.admin,
        body: {
          excludedOffenseCategories: ['assault'],
          reviewOffenseCategories: ['assault'],
          allowedStages: ['pre_trial'],
          excludedSeverities: [],
          protectiveOrderNeedsReview: false,
        },
      });
      expect(response).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'reviewOffenseCategories[0]', message: '"assault" is also excluded' }] },
      });
      expect(
        (await intake.request('GET', '/api/screening-policies/NL-GR?version=1', { token: intake.admin })).status,
      ).toBe(404);
    });
  });

  describe('review, withdrawal and deadline', () => {
    it('lets the prosecutor decide a needs_review screening with a reason kept encrypted, never in the event', async () => {
      const { body } = await intake.submit(office.prosecutor, referralBody({ protectiveOrder: true }));
      const reviewed = await intake.request('POST', `/api/referrals/${body.id}/review`, {
        token: office.prosecutor,
        body: { decision: 'eligible', reason: 'The order allows indirect contact via the mediator' },
      });
      expect(reviewed).toMatchObject({ status: 200, body: { status: 'matching' } });
      const [row] = await intake.dataSource.query('select review_reason, reviewer_role from referral where id = $1', [
        body.id,
      ]);
      expect(row).toMatchObject({ review_reason: expect.stringMatching(/^pii:1:/), reviewer_role: 'prosecutor' });
      const detail = await intake.request('GET', `/api/referrals/${body.id}`, { token: office.prosecutor });
      expect(detail.body.review).toMatchObject({
        decision: 'eligible',
        reason: 'The order allows indirect contact via the mediator',
        reviewerRole: 'prosecutor',
      });
      const events = await eventsOf(intake.topics.prefix, Topics.referral, body.id, hasTypes('referral.reviewed'));
      expect(events.find((e) => e.type === 'referral.reviewed')).toMatchObject({
        data: { decision: 'eligible', reviewerRole: 'prosecutor', reasonRecorded: true, requiresSpecialist: false },
      });
      expect(JSON.stringify(events)).not.toContain('indirect contact');
    });

    it('lets only an admin override an excluded category, which then requires a specialist', async () => {
      // Domestic violence and sexual offences need a second admin (review-overrides.int-spec.ts); another excluded category one.
      const policy = {
        excludedOffenseCategories: ['arson'],
        reviewOffenseCategories: [],
        allowedStages: ['pre_charge', 'pre_trial', 'post_conviction'],
        excludedSeverities: [],
        protectiveOrderNeedsReview: false,
      };
      expect(
        (await intake.request('PUT', '/api/screening-policies/NL-DR', { token: intake.admin, body: policy })).status,
      ).toBe(200);
      const drenthe = await intake.registerOffice(['NL-DR']);
      const { body } = await intake.submit(
        drenthe.prosecutor,
        referralBody({
          jurisdiction: 'NL-DR',
          offense: { code: 'SR-157', category: 'arson', severity: 'misdemeanor' },
        }),
      );
      expect(body.status).toBe('ineligible');
      const byProsecutor = await intake.request('POST', `/api/referrals/${body.id}/review`, {
        token: drenthe.prosecutor,
        body: { decision: 'eligible', reason: 'please' },
      });
      expect(byProsecutor).toMatchObject({ status: 403, body: { rule: 'exclusion_override_admin_only' } });
      const byAdmin = await intake.request('POST', `/api/referrals/${body.id}/review`, {
        token: intake.admin,
        body: { decision: 'eligible', reason: 'MOU with the arson specialist network' },
      });
      expect(byAdmin).toMatchObject({ status: 200, body: { status: 'matching', requiresSpecialist: true } });
      const events = await eventsOf(intake.topics.prefix, Topics.referral, body.id, hasTypes('referral.reviewed'));
      expect(events.find((e) => e.type === 'referral.reviewed')?.data).toEqual({
        decision: 'eligible',
        reviewerRole: 'admin',
        overrodeExclusion: true,
        requiresSpecialist: true,
        specialistCategory: 'arson',
        reasonRecorded: true,
      });
      const again = await intake.request('POST', `/api/referrals/${body.id}/review`, {
        token: intake.admin,
        body: { decision: 'ineligible', reason: 'changed my mind' },
      });
      expect(again).toMatchObject({ status: 409, body: { rule: 'review_only_of_pending_or_override' } });
    });

    it('withdraws an open referral once (409 after), and the withdrawal is an event', async () => {
      const { body } = await intake.submit(office.prosecutor, referralBody());
      const withdrawn = await intake.request('POST', `/api/referrals/${body.id}/withdraw`, {
        token: office.prosecutor,
        body: { reasonCode: 'charges_dropped' },
      });
      expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
      const twice = await intake.request('POST', `/api/referrals/${body.id}/withdraw`, {
        token: office.prosecutor,
        body: { reasonCode: 'other' },
      });
      expect(twice).toMatchObject({ status: 409, body: { rule: 'withdraw_only_open_referral' } });
      expect(
        (
          await intake.request('POST', `/api/referrals/${body.id}/withdraw`, {
            token: office.prosecutor,
            body: { reasonCode: 'bored' },
          })
        ).status,
      ).toBe(400);
      const events = await eventsOf(intake.topics.prefix, Topics.referral, body.id, hasTypes('referral.withdrawn'));
      expect(events.find((e) => e.type === 'referral.withdrawn')?.data).toEqual({ reasonCode: 'charges_dropped' });
    });

    it('extends the report-back deadline to later dates only', async () => {
      const { body } = await intake.submit(office.prosecutor, referralBody({ reportBackBy: '2099-09-30' }));
      const later = await intake.request('PATCH', `/api/referrals/${body.id}`, {
        token: office.prosecutor,
        body: { reportBackBy: '2099-12-31' },
      });
      expect(later).toMatchObject({ status: 200, body: { reportBackBy: '2099-12-31' } });
      const earlier = await intake.request('PATCH', `/api/referrals/${body.id}`, {
        token: office.prosecutor,
        body: { reportBackBy: '2099-10-01' },
      });
      expect(earlier).toMatchObject({ status: 409, body: { rule: 'deadline_extended_later_only' } });
      expect(
        (
          await intake.request('PATCH', `/api/referrals/${body.id}`, {
            token: office.prosecutor,
            body: { reportBackBy: '2099-12-31', status: 'completed' },
          })
        ).status,
      ).toBe(400);
      const events = await eventsOf(
        intake.topics.prefix,
        Topics.referral,
        body.id,
        hasTypes('referral.deadline_extended'),
      );
      expect(events.find((e) => e.type === 'referral.deadline_extended')?.data).toEqual({
        previousReportBackBy: '2099-09-30',
        reportBackBy: '2099-12-31',
      });
    });
  });

  describe('reading referrals', () => {
    it("lists only the prosecutor's own office's referrals, filtered and paged, without personal data", async () => {
      const mine = await intake.registerOffice(['NL-NH']);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await intake.submit(mine.prosecutor, referralBody())).body.id);
      await intake.submit(mine.prosecutor, referralBody({ protectiveOrder: true }));
      const page1 = await intake.request('GET', '/api/referrals?status=matching&limit=2', { token: mine.prosecutor });
      expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
      const page2 = await intake.request(
        'GET',
        `/api/referrals?status=matching&limit=2&cursor=${page1.body.nextCursor}`,
        { token: mine.prosecutor },
      );
      expect(page2.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      expect(JSON.stringify(page1.body)).not.toMatch(/pii:1:|Harmed|PARKET/);
      expect((await intake.request('GET', '/api/referrals?colour=red', { token: mine.prosecutor })).status).toBe(400);
      const all = await intake.request('GET', '/api/referrals?limit=200', { token: intake.as('auditor') });
      expect(all.body.items.length).toBeGreaterThan(4);
    });

    it("answers 404 for another office's referral, and shows an auditor ciphertext only", async () => {
      const body = referralBody();
      const { body: created } = await intake.submit(office.prosecutor, body);
      const other = await intake.registerOffice(['NL-NH']);
      expect((await intake.request('GET', `/api/referrals/${created.id}`, { token: other.prosecutor })).status).toBe(
        404,
      );
      const audited = await intake.request('GET', `/api/referrals/${created.id}`, { token: intake.as('auditor') });
      expect(audited.status).toBe(200);
      expect(audited.body.parties[0].fullName).toMatch(/^pii:1:/);
      expect(JSON.stringify(audited.body)).not.toContain(body.parties[0].fullName);
    });

    it('shows the owning prosecutor the decrypted referral and logs the read as personal_data.read', async () => {
      const body = referralBody();
      const { body: created } = await intake.submit(office.prosecutor, body);
      const detail = await intake.request('GET', `/api/referrals/${created.id}`, { token: office.prosecutor });
      expect(detail.body).toMatchObject({
        caseNumber: body.caseNumber,
        notes: body.notes,
        offense: { description: body.offense.description },
        parties: [
          {
            role: 'harmed',
            fullName: body.parties[0].fullName,
            dateOfBirth: '1980-04-02',
            contact: body.parties[0].contact,
            accessibilityNeeds: body.parties[0].accessibilityNeeds,
          },
          { role: 'responsible', guardian: body.parties[1].guardian, counsel: body.parties[1].counsel },
        ],
        personalDataErasedAt: null,
      });
      const reads = await eventsOf(intake.topics.prefix, Topics.access, created.id, (events) =>
        events.some((e) => e.type === 'personal_data.read'),
      );
      expect(reads[0]).toMatchObject({
        actor: { role: 'prosecutor', org: office.id },
        data: {
          referralId: created.id,
          endpoint: 'GET /api/referrals/{id}',
          fields: expect.arrayContaining([
            'caseNumber',
            'notes',
            'parties.fullName',
            'parties.contact',
            'parties.guardian',
            'parties.counsel',
          ]),
        },
      });
    });
  });

  it('answers 404 for ids it does not know and 400 for malformed ids and bodies', async () => {
    const unknown = '01950000-0000-7000-8000-0000000000aa';
    expect((await intake.request('GET', `/api/referrals/${unknown}`, { token: office.prosecutor })).status).toBe(404);
    expect((await intake.request('GET', '/api/referrals/not-a-uuid', { token: office.prosecutor })).status).toBe(400);
    expect(
      (
        await intake.request('POST', `/api/referrals/${unknown}/review`, {
          token: intake.admin,
          body: { decision: 'eligible', reason: 'r' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await intake.request('POST', `/api/referrals/${unknown}/withdraw`, {
          token: office.prosecutor,
          body: { reasonCode: 'other' },
        })
      ).status,
    ).toBe(404);
    expect((await intake.request('GET', `/api/referrals/${unknown}/report`, { token: office.prosecutor })).status).toBe(
      404,
    );
    expect(
      (await intake.request('PATCH', `/api/offices/${unknown}`, { token: intake.admin, body: { name: 'X' } })).status,
    ).toBe(404);
    expect((await intake.request('GET', `/api/offices/${unknown}`, { token: intake.admin })).status).toBe(404);
    const { body } = await intake.submit(office.prosecutor, referralBody({ protectiveOrder: true }));
    const blank = await intake.request('POST', `/api/referrals/${body.id}/review`, {
      token: office.prosecutor,
      body: { decision: 'eligible', reason: '   ' },
    });
    expect(blank).toMatchObject({ status: 400, body: { errors: [{ field: 'reason', message: 'must not be blank' }] } });
    expect(
      (await intake.request('PUT', '/api/screening-policies/not a code', { token: intake.admin, body: {} })).status,
    ).toBe(400);
  });

  describe('offices', () => {
    it('registers an office (office.registered), lets its prosecutor see only it, and updates it (office.updated)', async () => {
      const created = await intake.request('POST', '/api/offices', {
        token: intake.admin,
        body: { name: 'East District', jurisdictions: ['NL-GE'], contact: { email: 'rj@east.example' } },
      });
      expect(created).toMatchObject({
        status: 201,
        body: {
          id: expect.any(String),
          name: 'East District',
          jurisdictions: ['NL-GE'],
          contact: { email: 'rj@east.example' },
        },
      });
      const prosecutor = intake.as('prosecutor', created.body.id);
      expect((await intake.request('GET', '/api/offices', { token: prosecutor })).body.items).toEqual([created.body]);
      expect((await intake.request('GET', `/api/offices/${office.id}`, { token: prosecutor })).status).toBe(404);
      const updated = await intake.request('PATCH', `/api/offices/${created.body.id}`, {
        token: intake.admin,
        body: { jurisdictions: ['NL-GE', 'NL-OV'] },
      });
      expect(updated).toMatchObject({
        status: 200,
        body: { jurisdictions: ['NL-GE', 'NL-OV'], name: 'East District' },
      });
      const events = await eventsOf(
        intake.topics.prefix,
        Topics.referral,
        created.body.id,
        hasTypes('office.registered', 'office.updated'),
      );
      expect(events.map((e) => [e.type, e.referralId])).toEqual([
        ['office.registered', null],
        ['office.updated', null],
      ]);
      expect(events[1].data).toEqual({
        officeId: created.body.id,
        name: 'East District',
        jurisdictions: ['NL-GE', 'NL-OV'],
        contact: { email: 'rj@east.example' },
      });
      expect(
        (
          await intake.request('POST', '/api/offices', {
            token: intake.admin,
            body: { name: ' ', jurisdictions: [], contact: { email: 'nope' } },
          })
        ).body.errors,
      ).toHaveLength(3);
    });

    it('registers an office once per Idempotency-Key', async () => {
      const body = { name: 'South District', jurisdictions: ['NL-LI'], contact: { email: 'rj@south.example' } };
      const first = await intake.request('POST', '/api/offices', {
        token: intake.admin,
        body,
        headers: { 'Idempotency-Key': 'south-1' },
      });
      const again = await intake.request('POST', '/api/offices', {
        token: intake.admin,
        body,
        headers: { 'Idempotency-Key': 'south-1' },
      });
      expect([first.status, again.status, again.body.id]).toEqual([201, 201, first.body.id]);
    });
  });
});

import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';

/** What the console's admin pages read besides referrals: policy history, offices, and the documented contract. */
describe('referral-intake: screening policy history, offices and the OpenAPI contract the console reads', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntakeHarness();
  });
  afterAll(() => intake?.close());

  const policy = {
    excludedOffenseCategories: ['domestic_violence'],
    reviewOffenseCategories: [],
    allowedStages: ['pre_trial'],
    excludedSeverities: [],
    protectiveOrderNeedsReview: true,
  };

  it("lists a jurisdiction's policy versions newest first, who stored each, and the built-in default last", async () => {
    for (const severities of [[], ['felony'], ['felony', 'misdemeanor']]) {
      expect(
        (
          await intake.request('PUT', '/api/screening-policies/NL-UT', {
            token: intake.token('admin', null, 'admin-carla'),
            body: { ...policy, excludedSeverities: severities },
          })
        ).status,
      ).toBe(200);
    }
    const prosecutor = (await intake.registerOffice(['NL-UT'])).prosecutor;
    const all = await intake.request('GET', '/api/screening-policies/NL-UT/versions', { token: prosecutor });
    expect(all.status).toBe(200);
    expect(all.body.items.map((v: { version: number; default: boolean }) => [v.version, v.default])).toEqual([
      [3, false],
      [2, false],
      [1, false],
      [0, true],
    ]);
    expect(all.body.items[0]).toMatchObject({
      jurisdiction: 'NL-UT',
      excludedSeverities: ['felony', 'misdemeanor'],
      createdBy: 'admin-carla',
      createdAt: expect.any(String),
    });
    expect(all.body.nextCursor).toBeNull();

    const page1 = await intake.request('GET', '/api/screening-policies/NL-UT/versions?limit=2', {
      token: intake.admin,
    });
    expect(page1.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    const page2 = await intake.request(
      'GET',
      `/api/screening-policies/NL-UT/versions?limit=2&cursor=${page1.body.nextCursor}`,
      { token: intake.admin },
    );
    expect(page2.body).toMatchObject({ items: [{ version: 1 }, { version: 0, default: true }], nextCursor: null });

    expect(
      (await intake.request('GET', '/api/screening-policies/NL-ZZ/versions', { token: intake.admin })).body,
    ).toMatchObject({ items: [{ version: 0, default: true }], nextCursor: null });
    expect(
      (await intake.request('GET', '/api/screening-policies/NL-UT/versions?limit=0', { token: intake.admin })).status,
    ).toBe(400);
    expect((await intake.request('GET', '/api/screening-policies/NL-UT/versions')).status).toBe(401);
  });

  it('pages offices for an admin and keeps a prosecutor to its own', async () => {
    const offices = [];
    for (let i = 0; i < 3; i++) offices.push(await intake.registerOffice(['NL-GR']));
    const page1 = await intake.request('GET', '/api/offices?limit=2', { token: intake.admin });
    expect(page1.body.items.map((o: { id: string }) => o.id)).toEqual([offices[2].id, offices[1].id]);
    const page2 = await intake.request('GET', `/api/offices?limit=2&cursor=${page1.body.nextCursor}`, {
      token: intake.admin,
    });
    expect(page2.body.items[0].id).toBe(offices[0].id);
    expect(
      (await intake.request('GET', '/api/offices', { token: offices[0].prosecutor })).body.items.map(
        (o: { id: string }) => o.id,
      ),
    ).toEqual([offices[0].id]);
  });

  it('documents every endpoint the console calls, with request and response bodies', async () => {
    const docs = (await intake.request('GET', '/api/docs-json')).body;
    const paths = docs.paths as Record<string, Record<string, any>>;
    expect(paths['/api/referrals/search'].post.requestBody.content['application/json'].schema.$ref).toMatch(
      /SearchReferralsDto$/,
    );
    expect(paths['/api/referrals/search'].post.responses['200'].content['application/json'].schema.$ref).toMatch(
      /ReferralPageView$/,
    );
    expect(paths['/api/referrals'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'status',
        'jurisdiction',
        'officeId',
        'submittedFrom',
        'submittedTo',
        'sort',
        'limit',
        'cursor',
      ]),
    );
    expect(paths['/api/referrals/summary'].get.responses['200'].content['application/json'].schema.$ref).toMatch(
      /ReferralCountsView$/,
    );
    expect(Object.keys(paths['/api/referrals/{id}/review'].post.responses)).toEqual(
      expect.arrayContaining(['200', '202', '409']),
    );
    for (const path of [
      '/api/review-overrides',
      '/api/review-overrides/{id}',
      '/api/review-overrides/{id}/approve',
      '/api/review-overrides/{id}/reject',
      '/api/screening-policies/{jurisdiction}/versions',
    ]) {
      expect(paths[path]).toBeDefined();
    }
    expect(paths['/api/offices'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/OfficePage$/);
    expect(docs.components.schemas.ReferralSummaryView.properties).not.toHaveProperty('caseNumber');
    expect(docs.components.schemas.ReviewOverrideView.required).toEqual(
      expect.arrayContaining(['id', 'referralId', 'status', 'category', 'referral']),
    );
  });
});

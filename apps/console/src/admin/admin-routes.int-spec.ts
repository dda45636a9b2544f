/**
 * The administrators' pages behind Nest's real routing, role guard and error filter, over loopback
 * HTTP, with the services' answers scripted (the services prove their side in their own tests).
 */
import { ApiRefused, ApiUnavailable } from '../platform/api-client';
import { AdminApp } from './test/admin-app';

const ID = '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';
const REQUEST_ID = '2b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';
const KEY = '3b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';

const referral = {
  id: ID,
  officeId: 'o',
  status: 'ineligible',
  source: 'police',
  jurisdiction: 'NL-NH',
  offense: { code: 'SR-300', category: 'domestic_violence', severity: 'misdemeanor' },
  incidentDate: '2026-10-01',
  stage: 'pre_trial',
  protectiveOrder: true,
  reportBackBy: '2027-01-15',
  screeningOutcome: 'ineligible',
  screeningReasons: [{ rule: 'excluded_offense_category', detail: 'domestic_violence' }],
  requiresSpecialist: false,
  partnerId: null,
  caseId: null,
  submittedAt: '2026-12-01T09:00:00.000Z',
  personalDataErasedAt: null,
};
const overrideRequest = {
  id: REQUEST_ID,
  referralId: ID,
  status: 'pending',
  category: 'domestic_violence',
  requestedBy: 'admin-one',
  requestedAt: '2026-12-05T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  referral,
  reason: 'Both asked for a dialogue.',
};
const policy = (version: number) => ({
  jurisdiction: 'NL-NH',
  version,
  default: false,
  excludedOffenseCategories: ['domestic_violence'],
  reviewOffenseCategories: [],
  allowedStages: ['pre_trial'],
  excludedSeverities: [],
  protectiveOrderNeedsReview: true,
  createdAt: '2026-12-04T10:00:00.000Z',
});

describe('the administrators’ pages over HTTP', () => {
  const app = new AdminApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());
  beforeEach(() => app.signIn('admin'));

  it('are the not-found page for anyone but an administrator', async () => {
    app.signIn('prosecutor');
    const page = await app.get('/admin/offices');
    expect(page.status).toBe(404);
    expect(app.calls).toHaveLength(0);
  });

  it('register an office once per form (its idempotency key) and redirect with a confirmation', async () => {
    app.answers(() => ({ id: ID, name: 'North District' }));
    const page = await app.post('/admin/offices', {
      _csrf: 't',
      idempotencyKey: KEY,
      name: 'North District',
      jurisdictions: 'NL-NH, NL-FL',
      contactEmail: 'rj@north.example',
    });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/admin/offices');
    expect(app.calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/offices',
      call: {
        idempotencyKey: KEY,
        body: { name: 'North District', jurisdictions: ['NL-NH', 'NL-FL'], contact: { email: 'rj@north.example' } },
      },
    });
    expect(app.session['flash']).toEqual({
      heading: 'Office registered',
      text: 'North District can now be chosen by its prosecutors.',
    });
  });

  it('show a refused office form again with the values typed and the service’s messages', async () => {
    app.answers(() => {
      throw new ApiRefused({ status: 400, errors: [{ field: 'contact.email', message: 'must be an email' }] }, 'c');
    });
    const page = await app.post('/admin/offices', {
      _csrf: 't',
      idempotencyKey: KEY,
      name: 'North',
      jurisdictions: 'NL-NH',
      contactEmail: 'nope',
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain('href="#contactEmail">Contact e-mail address must be an e-mail address');
    expect(page.html).toContain('value="nope"');
    expect(page.html).toContain(`name="idempotencyKey" value="${KEY}"`);
    expect(app.session['flash']).toBeUndefined();
  });

  it('keep the form and give the reference when the service does not answer', async () => {
    app.answers(() => {
      throw new ApiUnavailable('partner-matching', 'ref-1234', 503);
    });
    const page = await app.post('/admin/partners', {
      _csrf: 't',
      name: 'Herstel',
      capacity: '3',
      offenseCategories: ['theft', 'assault'],
    });
    expect(page.status).toBe(503);
    expect(page.html).toContain('ref-1234');
    expect(page.html).toMatch(/value="assault" checked/);
    expect(page.html).toContain('value="Herstel"');
  });

  it('deactivate a partner only from its confirmation page', async () => {
    app.answers(({ method }) =>
      method === 'GET'
        ? { id: ID, name: 'Herstel', active: true, deactivatedAt: null, openCases: 2 }
        : { id: ID, name: 'Herstel', active: false, deactivatedAt: '2026-12-06T10:00:00.000Z' },
    );
    const confirm = await app.get(`/admin/partners/${ID}/deactivate`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Are you sure you want to deactivate this partner?');
    expect(app.calls.every((call) => call.method === 'GET')).toBe(true);
    const done = await app.post(`/admin/partners/${ID}/deactivate`, { _csrf: 't' });
    expect(done.status).toBe(303);
    expect(app.calls.at(-1)).toMatchObject({ method: 'POST', path: `/api/partners/${ID}/deactivate` });
    expect(app.session['flash']).toMatchObject({ heading: 'Partner deactivated' });
  });

  it('send an already deactivated partner’s confirmation page back to the partner, and activate it by its own button', async () => {
    app.answers(({ method }) =>
      method === 'GET'
        ? { id: ID, name: 'Herstel', active: false, deactivatedAt: '2026-12-06T10:00:00.000Z' }
        : { id: ID, name: 'Herstel', active: true, deactivatedAt: null },
    );
    expect((await app.get(`/admin/partners/${ID}/deactivate`)).location).toBe(`/admin/partners/${ID}/edit`);
    const done = await app.post(`/admin/partners/${ID}/activate`, { _csrf: 't' });
    expect(done.status).toBe(303);
    expect(app.calls.at(-1)).toMatchObject({ method: 'POST', path: `/api/partners/${ID}/activate` });
  });

  it('list only the partners asked for', async () => {
    app.answers(() => ({
      items: [
        {
          id: ID,
          name: 'Herstel',
          jurisdictions: ['NL-NH'],
          offenseCategories: [],
          languages: ['nl'],
          servesMinors: true,
          capacity: 3,
          openCases: 0,
          responseHours: 48,
          typicalResponseHours: null,
          specialties: [],
          active: false,
          deactivatedAt: null,
          contact: null,
        },
      ],
      nextCursor: null,
    }));
    const page = await app.get('/admin/partners?show=inactive');
    expect(app.calls[0].call.query).toMatchObject({ active: 'false' });
    expect(page.html).toContain('Paused by the partner');
    expect(page.html).toMatch(/aria-current="page" href="\/admin\/partners\?show=inactive"/);
  });

  it('save a policy as a new version, and refuse to save over a version saved meanwhile', async () => {
    app.answers(({ method, path }) => {
      if (method === 'PUT') return policy(3);
      if (path.endsWith('/versions')) return { items: [policy(2), policy(1)], nextCursor: '1' };
      return policy(2);
    });
    const saved = await app.post('/admin/screening-policies/NL-NH', {
      _csrf: 't',
      basedOn: '2',
      excludedOffenseCategories: 'domestic_violence',
      allowedStages: ['pre_trial', 'post_conviction'],
      protectiveOrderNeedsReview: 'no',
    });
    expect(saved.status).toBe(303);
    expect(app.calls.find((call) => call.method === 'PUT')).toMatchObject({
      path: '/api/screening-policies/NL-NH',
      call: {
        body: {
          excludedOffenseCategories: ['domestic_violence'],
          allowedStages: ['pre_trial', 'post_conviction'],
          protectiveOrderNeedsReview: false,
        },
      },
    });

    app.signIn('admin');
    const stale = await app.post('/admin/screening-policies/NL-NH', {
      _csrf: 't',
      basedOn: '1',
      protectiveOrderNeedsReview: 'no',
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('Another administrator saved version 2');
    expect(stale.html).toContain('name="basedOn" value="2"');
    expect(app.calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('show a policy’s version history from the service’s list', async () => {
    app.answers(({ path }) =>
      path.endsWith('/versions')
        ? {
            items: [{ ...policy(2), createdBy: 'admin-one' }, policy(1), { ...policy(0), default: true }],
            nextCursor: null,
          }
        : policy(2),
    );
    const page = await app.get('/admin/screening-policies/NL-NH');
    expect(page.status).toBe(200);
    expect(app.calls.find((call) => call.path === '/api/screening-policies/NL-NH/versions')?.call.query).toMatchObject({
      limit: 20,
    });
    expect(page.html).toContain('/admin/screening-policies/NL-NH/versions/2');
    expect(page.html).toContain('/admin/screening-policies/NL-NH/versions/1');
    expect(page.html).toContain('by you');
    expect(page.html).not.toContain('/admin/screening-policies/NL-NH/versions/0');
    expect((await app.get('/admin/screening-policies/not%20a%20code')).status).toBe(404);
  });

  it('ask for a second administrator when an override needs one', async () => {
    app.answers(() => overrideRequest);
    const page = await app.post(`/admin/review-queue/${ID}`, {
      _csrf: 't',
      decision: 'eligible',
      reason: 'Both asked for a dialogue.',
    });
    expect(page.status).toBe(303);
    expect(app.calls[0]).toMatchObject({
      method: 'POST',
      path: `/api/referrals/${ID}/review`,
      call: { body: { decision: 'eligible', reason: 'Both asked for a dialogue.' } },
    });
    expect(app.session['flash']).toMatchObject({ heading: 'Override asked for' });
  });

  it('show the service’s sentence when the asking administrator tries to approve', async () => {
    const sentence =
      'You asked for this override yourself, so you cannot also approve it. Another admin has to approve it.';
    app.answers(({ method }) => {
      if (method === 'POST') throw new ApiRefused({ status: 409, detail: sentence }, 'c');
      return overrideRequest;
    });
    const page = await app.post(`/admin/review-queue/approvals/${REQUEST_ID}/approve`, { _csrf: 't' });
    expect(page.status).toBe(409);
    expect(page.html).toContain(sentence);
    expect(page.html).toContain('You asked for this override');
  });

  it('let another administrator approve', async () => {
    app.signIn('admin', { sub: 'admin-two' });
    app.answers(() => ({ ...overrideRequest, status: 'approved' }));
    const page = await app.post(`/admin/review-queue/approvals/${REQUEST_ID}/approve`, { _csrf: 't' });
    expect(page.status).toBe(303);
    expect(app.calls[0]).toMatchObject({ method: 'POST', path: `/api/review-overrides/${REQUEST_ID}/approve` });
    expect(app.session['flash']).toMatchObject({ heading: 'Override approved' });
  });

  it('find a queued referral for its decision page without reading its personal data', async () => {
    app.answers(({ call }) => ({ items: call.query?.['status'] === 'ineligible' ? [referral] : [], nextCursor: null }));
    const page = await app.get(`/admin/review-queue/${ID}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Nothing changes until another administrator approves your override.');
    expect(app.calls.some((call) => call.path === `/api/referrals/${ID}`)).toBe(false);
  });

  it('show the queue: pending approvals, referrals to review and those screened out', async () => {
    app.answers(({ path, call }) => {
      if (path === '/api/review-overrides') return { items: [overrideRequest], nextCursor: null };
      return {
        items:
          call.query?.['status'] === 'ineligible'
            ? [referral]
            : [
                {
                  ...referral,
                  id: REQUEST_ID,
                  status: 'needs_review',
                  screeningReasons: [{ rule: 'review_offense_category', detail: 'assault' }],
                },
              ],
        nextCursor: null,
      };
    });
    const page = await app.get('/admin/review-queue');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="/admin/review-queue/approvals/${REQUEST_ID}"`);
    expect(page.html).toContain(`href="/admin/review-queue/${REQUEST_ID}"`);
    expect(page.html).toContain('Waiting for approval');
    expect(app.calls.find((call) => call.path === '/api/review-overrides')?.call.query).toMatchObject({
      status: 'pending',
    });
  });

  it('list the policies and the jurisdictions on the built-in one, and open another by its code', async () => {
    app.answers(({ path }) =>
      path === '/api/offices'
        ? {
            items: [{ id: ID, name: 'North', jurisdictions: ['NL-NH', 'NL-FL'], contact: { email: 'a@b.example' } }],
            nextCursor: null,
          }
        : { items: [policy(2)], nextCursor: null },
    );
    const page = await app.get('/admin/screening-policies');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/admin/screening-policies/NL-FL"');
    expect((await app.get('/admin/screening-policies?jurisdiction=NL-UT')).location).toBe(
      '/admin/screening-policies/NL-UT',
    );
    const wrong = await app.get('/admin/screening-policies?jurisdiction=North%20Holland');
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('href="#jurisdiction">Jurisdiction must be a jurisdiction code');
    expect(wrong.html).toContain('value="North Holland"');
  });

  it('erase personal data only by the confirmation page’s POST', async () => {
    const confirm = await app.get(`/admin/referrals/${ID}/erase`);
    expect(confirm.html).toContain('This cannot be undone.');
    expect(app.calls).toHaveLength(0);
    app.answers(() => ({ referralId: ID, personalDataErasedAt: '2026-12-06T10:00:00.000Z' }));
    const done = await app.post(`/admin/referrals/${ID}/erase`, { _csrf: 't' });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/referrals/${ID}`);
    expect(app.calls[0]).toMatchObject({ method: 'DELETE', path: `/api/referrals/${ID}/personal-data` });
    expect((await app.get('/admin/referrals/not-an-id/erase')).status).toBe(404);
  });
});

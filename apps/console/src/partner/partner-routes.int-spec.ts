/**
 * The partner administrators' pages behind Nest's real routing, role guard and error filter,
 * over loopback HTTP, with the services' answers scripted (the services prove their side in
 * their own tests): who may open them, and how each page answers a refusal or a silent service.
 */
import { ApiRefused, ApiUnavailable } from '../platform/api-client';
import { PARTNER_ID, PartnerApp, type RecordedCall } from './test/partner-app';

const CASE_ID = '0190a000-0000-7000-8000-0000000000c1';
const OFFER_ID = '0190a000-0000-7000-8000-0000000000f1';
const future = new Date(Date.now() + 50 * 3_600_000).toISOString();

const partner = {
  id: PARTNER_ID,
  name: 'Herstel Noord',
  jurisdictions: ['NL-NH'],
  offenseCategories: ['theft'],
  languages: ['nl'],
  servesMinors: false,
  capacity: 5,
  openCases: 2,
  responseHours: 48,
  typicalResponseHours: null,
  specialties: [],
  active: true,
  deactivatedAt: null,
  contact: null,
};
const offer = {
  id: OFFER_ID,
  referralId: 'r',
  status: 'pending',
  offenseCategory: 'theft',
  severity: 'misdemeanor',
  jurisdiction: 'NL-NH',
  languages: ['nl'],
  hasMinor: false,
  madeAt: future,
  expiresAt: future,
  resolvedAt: null,
  declineReasonCode: null,
};
const kase = (over: Record<string, unknown> = {}) => ({
  id: CASE_ID,
  referralId: 'r',
  partnerId: PARTNER_ID,
  status: 'open',
  holdReason: null,
  openedAt: '2026-12-01T00:00:00.000Z',
  participants: [],
  mediators: [{ mediatorId: 'm-1', declared: true }],
  ...over,
});

const notFound = () => {
  throw new ApiRefused({ status: 404, title: 'Not Found' }, 'c');
};

describe('the partner administrators’ pages over HTTP', () => {
  const app = new PartnerApp();
  beforeAll(() => app.start());
  afterAll(() => app.stop());
  beforeEach(() => app.signIn('partner_admin'));

  it('are the not-found page for every other role, before any service is asked', async () => {
    for (const role of ['prosecutor', 'mediator', 'admin', 'auditor'] as const) {
      app.signIn(role);
      for (const path of [
        '/partner',
        '/partner/offers',
        `/partner/cases/${CASE_ID}`,
        '/partner/mediators',
        '/partner/profile',
      ]) {
        expect([role, path, (await app.get(path)).status]).toEqual([role, path, 404]);
      }
    }
    expect(app.calls).toHaveLength(0);
  });

  it('answer an offer, case or mediator the service does not show them with the not-found page', async () => {
    app.answers(notFound);
    expect((await app.get(`/partner/offers/${OFFER_ID}`)).status).toBe(404);
    expect((await app.get(`/partner/cases/${CASE_ID}`)).status).toBe(404);
    expect((await app.get('/partner/mediators/mediator-9/edit')).status).toBe(404);
    // Something that cannot be an id is not found without asking anyone.
    app.calls.length = 0;
    expect((await app.get('/partner/offers/not-an-id')).status).toBe(404);
    expect((await app.get('/partner/mediators/=cmd/edit')).status).toBe(404);
    expect(app.calls).toHaveLength(0);
  });

  it('still show the home page when a case’s gate cannot be read, and say some checks are missing', async () => {
    app.answers((call: RecordedCall) => {
      if (call.path === `/api/partners/${PARTNER_ID}`) return partner;
      if (call.path === '/api/offers') return { items: [offer], nextCursor: null };
      if (call.path === '/api/cases')
        return {
          items: [kase(), kase({ id: 'x', status: 'on_hold', holdReason: 'risk_stop', mediators: [] })],
          nextCursor: null,
        };
      if (call.path.endsWith('/gate')) throw new ApiUnavailable('mediation-scheduling', 'ref-1', 503);
      throw new Error(`unexpected ${call.path}`);
    });
    const page = await app.get('/partner');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Answer within 2 days');
    expect(page.html).toContain('On hold: a risk assessment said stop');
    expect(page.html).toContain('2 of 5');
    expect(page.html).toContain('Some cases could not be checked just now (1)');
    expect(app.calls.find((call) => call.path === '/api/offers')?.call.query).toMatchObject({ status: 'pending' });
  });

  it('show a refused acceptance on the confirmation page with the service’s sentence', async () => {
    app.answers((call) => {
      if (call.method === 'POST')
        throw new ApiRefused({ status: 409, detail: 'This offer is no longer open: it expired.' }, 'c');
      return offer;
    });
    const page = await app.post(`/partner/offers/${OFFER_ID}/accept`, { _csrf: 't' });
    expect(page.status).toBe(409);
    expect(page.html).toContain('href="#confirm">This offer is no longer open: it expired.');
    expect(app.session['flash']).toBeUndefined();
  });

  it('decline with the reason code chosen, and go back to the inbox', async () => {
    app.answers(() => ({}));
    const page = await app.post(`/partner/offers/${OFFER_ID}/decline`, { _csrf: 't', reasonCode: 'no_capacity' });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/partner/offers');
    expect(app.calls[0]).toMatchObject({
      method: 'POST',
      service: 'partner-matching',
      path: `/api/offers/${OFFER_ID}/decline`,
      call: { body: { reasonCode: 'no_capacity' } },
    });
  });

  it('keep the profile form and give the reference when the service does not answer, never sending specialist status', async () => {
    app.answers((call) => {
      if (call.method === 'PATCH') throw new ApiUnavailable('partner-matching', 'ref-42', 503);
      return partner;
    });
    const page = await app.post('/partner/profile', {
      _csrf: 't',
      capacity: '7',
      languages: 'nl, en',
      responseHours: '24',
      contactEmail: 'intake@herstel.example',
      active: 'yes',
      specialties: 'sexual_offense',
    });
    expect(page.status).toBe(503);
    expect(page.html).toContain('ref-42');
    expect(page.html).toContain('value="nl, en"');
    const patch = app.calls.find((call) => call.method === 'PATCH');
    expect(patch?.call.body).toEqual({
      capacity: 7,
      languages: ['nl', 'en'],
      responseHours: 24,
      contact: { email: 'intake@herstel.example' },
      active: true,
    });
  });

  it('change a mediator without ever sending the account id, and keep what was typed when refused', async () => {
    const mia = {
      sub: 'mediator-7',
      fullName: 'Mia Mediator',
      contact: { email: 'mia@x.example' },
      specialties: [],
      registeredAt: '',
      active: true,
      deactivatedAt: null,
      caseload: 1,
    };
    app.answers((call) => {
      if (call.method === 'PATCH')
        throw new ApiRefused({ status: 400, errors: [{ field: 'contact.email', message: 'must be an email' }] }, 'c');
      return mia;
    });
    const page = await app.post('/partner/mediators/mediator-7', {
      _csrf: 't',
      sub: 'mediator-other',
      fullName: 'Mia Moreno',
      email: 'nope',
      specialties: 'youth',
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain('href="#email">Work e-mail address must be an e-mail address');
    expect(page.html).toContain('value="Mia Moreno"');
    expect(app.calls.find((call) => call.method === 'PATCH')).toMatchObject({
      path: '/api/mediators/mediator-7',
      call: { body: { fullName: 'Mia Moreno', contact: { email: 'nope' }, specialties: ['youth'] } },
    });
    expect(app.calls.find((call) => call.method === 'PATCH')?.call.body).not.toHaveProperty('sub');
  });

  it('show a deactivated mediator’s refusal at the choice on the case page', async () => {
    app.answers((call) => {
      if (call.method === 'POST')
        throw new ApiRefused(
          { status: 409, detail: 'This mediator is deactivated, so they cannot be proposed for a case.' },
          'c',
        );
      if (call.path === '/api/mediators')
        return {
          items: [
            {
              sub: 'm-2',
              fullName: 'Mo Mediator',
              contact: { email: 'mo@x.example' },
              specialties: [],
              registeredAt: '',
              active: true,
              deactivatedAt: null,
              caseload: 0,
            },
          ],
          nextCursor: null,
        };
      return { ...kase({ mediators: [] }), personalDataErasedAt: null };
    });
    const page = await app.post(`/partner/cases/${CASE_ID}/mediators`, { _csrf: 't', mediatorId: 'm-2' });
    expect(page.status).toBe(409);
    expect(page.html).toContain(
      'href="#mediatorId">This mediator is deactivated, so they cannot be proposed for a case.',
    );
    expect(page.html).toMatch(/value="m-2" checked/);
  });
});

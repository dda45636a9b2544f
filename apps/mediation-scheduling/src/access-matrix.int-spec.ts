import type { Role } from '@rj/shared/contracts';
import { inMinutes, readyCase } from './test/case-actors';
import { openCase, startSchedulingHarness, type SchedulingHarness } from './test/scheduling-harness';

type Endpoint = { method: string; path: string; body?: object; allowed: Role; object: boolean };
const ROLES: Role[] = ['prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin', 'service'];
/** Endpoints both of the partner's roles may call (each sees what its standing allows). */
const SHARED = (e: Endpoint) =>
  e.method === 'GET' &&
  (/\/api\/cases(\/[^/]+)?$/.test(e.path) || e.path.endsWith('/sessions') || e.path.endsWith('/gate'));

/**
 * Every endpoint × every role × own/foreign organisation (api.md, Auth): no token 401; a role
 * that may never do it 403; another organisation's object 404; a malformed body 400, never 5xx.
 */
describe('role × organisation matrix and malformed bodies', () => {
  let harness: SchedulingHarness;
  let endpoints: Endpoint[];
  const FOREIGN = '0190a000-0000-7000-8000-0000000000ee';

  beforeAll(async () => {
    harness = await startSchedulingHarness();
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const booked = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
      token: actors.mediator,
      body: {
        kind: 'preparation',
        startsAt: inMinutes(60 * 24 * 30),
        endsAt: inMinutes(60 * 24 * 30 + 30),
        participantIds: [referral.harmedId],
        mediatorIds: [actors.mediatorSub],
      },
    });
    const c = `/api/cases/${referral.caseId}`;
    const s = `/api/sessions/${booked.body.id}`;
    const p = referral.harmedId;
    endpoints = [
      {
        method: 'POST',
        path: '/api/mediators',
        body: { sub: 'm-x', fullName: 'X', contact: { email: 'x@p.example' }, specialties: [] },
        allowed: 'partner_admin',
        object: false,
      },
      { method: 'GET', path: '/api/mediators', allowed: 'partner_admin', object: false },
      { method: 'GET', path: '/api/cases', allowed: 'partner_admin', object: false },
      { method: 'GET', path: c, allowed: 'partner_admin', object: true },
      { method: 'GET', path: c, allowed: 'mediator', object: true },
      {
        method: 'POST',
        path: `${c}/mediators`,
        body: { mediatorId: actors.mediatorSub },
        allowed: 'partner_admin',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/declarations`,
        body: { conflictOfInterest: false },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/information`,
        body: { participantId: p, informationVersion: 'v1', language: 'nl' },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/risk-assessments`,
        body: { participantId: p, outcome: 'proceed', factors: [] },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/acknowledgements`,
        body: { participantId: referral.responsibleId },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/consents`,
        body: { participantId: p, purpose: 'receive_outcome', decision: 'given' },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/sessions`,
        body: {
          kind: 'follow_up',
          startsAt: inMinutes(9000),
          endsAt: inMinutes(9030),
          participantIds: [p],
          mediatorIds: [actors.mediatorSub],
        },
        allowed: 'mediator',
        object: true,
      },
      { method: 'GET', path: `${c}/sessions`, allowed: 'mediator', object: true },
      {
        method: 'PUT',
        path: `${c}/participants/${referral.responsibleId}/contact`,
        body: { phone: '+31 6 0000 1111', safeChannels: ['phone'] },
        allowed: 'mediator',
        object: true,
      },
      { method: 'GET', path: `${c}/gate`, allowed: 'mediator', object: true },
      { method: 'GET', path: `${c}/gate`, allowed: 'partner_admin', object: true },
      { method: 'GET', path: '/api/me/sessions', allowed: 'mediator', object: false },
      { method: 'POST', path: '/api/me/calendar-feed', allowed: 'mediator', object: false },
      { method: 'GET', path: '/api/me/calendar-feed', allowed: 'mediator', object: false },
      { method: 'DELETE', path: '/api/me/calendar-feed', allowed: 'mediator', object: false },
      { method: 'GET', path: `${c}/sessions`, allowed: 'partner_admin', object: true },
      {
        method: 'PATCH',
        path: s,
        body: { startsAt: inMinutes(9100), endsAt: inMinutes(9130) },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${s}/complete`,
        body: { attendance: [{ participantId: p, present: true }] },
        allowed: 'mediator',
        object: true,
      },
      { method: 'POST', path: `${s}/cancel`, allowed: 'mediator', object: true },
      { method: 'POST', path: `${c}/notes`, body: { text: 'n' }, allowed: 'mediator', object: true },
      { method: 'GET', path: `${c}/notes`, allowed: 'mediator', object: true },
      {
        method: 'POST',
        path: `${c}/disclosures`,
        body: { legalBasis: 'required_by_law', recipientKind: 'court', recipient: 'r' },
        allowed: 'mediator',
        object: true,
      },
      {
        method: 'POST',
        path: `${c}/conclude`,
        body: { agreementReached: false, reasonCode: 'not_suitable' },
        allowed: 'mediator',
        object: true,
      },
    ];
  });
  afterAll(() => harness?.close());

  it("is ready once its database, Kafka and the reminders' Redis answer (the shared readiness checks)", async () => {
    const ready = await harness.service.request('GET', '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { checks: { postgres: 'up', kafka: 'up', redis: 'up' } } });
  });

  it('answers 401 without a token and 403 to every role that may never call the endpoint', async () => {
    for (const endpoint of endpoints) {
      const noToken = await harness.service.request(endpoint.method, endpoint.path, { body: endpoint.body });
      expect([endpoint.path, noToken.status]).toEqual([endpoint.path, 401]);
      const allowed: Role[] = SHARED(endpoint) ? ['partner_admin', 'mediator'] : [endpoint.allowed];
      const never = ROLES.filter((role) => !allowed.includes(role));
      for (const role of never) {
        const refused = await harness.service.request(endpoint.method, endpoint.path, {
          token: harness.service.token(role, FOREIGN),
          body: endpoint.body,
        });
        expect([endpoint.method, endpoint.path, role, refused.status]).toEqual([
          endpoint.method,
          endpoint.path,
          role,
          403,
        ]);
      }
    }
  });

  it("answers 404 for another organisation's case or session, never revealing it exists", async () => {
    for (const endpoint of endpoints.filter((e) => e.object)) {
      const foreign = await harness.service.request(endpoint.method, endpoint.path, {
        token: harness.service.token(endpoint.allowed, FOREIGN),
        body: endpoint.body,
      });
      expect([endpoint.method, endpoint.path, foreign.status]).toEqual([endpoint.method, endpoint.path, 404]);
    }
    const list = await harness.service.request('GET', '/api/cases', {
      token: harness.service.token('partner_admin', FOREIGN),
    });
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 400, never 5xx, to malformed bodies, unknown fields and malformed ids', async () => {
    for (const endpoint of endpoints.filter((e) => e.body)) {
      const token = harness.service.token(endpoint.allowed, FOREIGN);
      for (const body of ['{"not json', { unexpected: true }, [], { ...endpoint.body, extra: 'x' }]) {
        const refused = await harness.service.request(endpoint.method, endpoint.path, { token, body });
        expect([endpoint.path, JSON.stringify(body).slice(0, 20), refused.status]).toEqual([
          endpoint.path,
          JSON.stringify(body).slice(0, 20),
          400,
        ]);
      }
    }
    const badId = await harness.service.request('GET', '/api/cases/not-a-uuid', {
      token: harness.service.token('partner_admin', FOREIGN),
    });
    expect(badId.status).toBe(404);
    const badCursor = await harness.service.request('GET', '/api/cases?cursor=x&limit=1000', {
      token: harness.service.token('partner_admin', FOREIGN),
    });
    expect(badCursor.status).toBe(400);
  });

  it('pages every list at most 200 a page (the shared PageQuery): limit=201 is a 400 naming limit', async () => {
    const lists: [string, Role][] = [
      ['/api/cases', 'partner_admin'],
      ['/api/mediators', 'partner_admin'],
      ['/api/practice-records/unverified', 'admin'],
    ];
    for (const [path, role] of lists) {
      const token = harness.service.token(role, FOREIGN);
      const most = await harness.service.request('GET', `${path}?limit=200`, { token });
      const over = await harness.service.request('GET', `${path}?limit=201`, { token });
      const fields = over.body.errors?.map((error: { field: string }) => error.field);
      expect([path, most.status, over.status, fields]).toEqual([path, 200, 400, ['limit']]);
    }
  });
});

import { mintServiceToken } from '@rj/shared/auth';
import { randomUUID } from 'node:crypto';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

/**
 * The role × organisation matrix of every endpoint (api.md, Auth): no token 401; a role that
 * may never do it 403; another office's referral 404 (its existence is not revealed).
 */
const CALLERS = [
  'own prosecutor',
  'other prosecutor',
  'partner_admin',
  'mediator',
  'auditor',
  'admin',
  'service',
  'no token',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const only = (allowed: Partial<Expected>): Expected => ({
  'own prosecutor': 403,
  'other prosecutor': 403,
  partner_admin: 403,
  mediator: 403,
  auditor: 403,
  admin: 403,
  service: 403,
  'no token': 401,
  ...allowed,
});

describe('referral-intake: who may call what', () => {
  let intake: IntakeHarness;
  let own: { id: string; prosecutor: string };
  let other: { id: string; prosecutor: string };
  const tokens = {} as Record<Caller, string | undefined>;

  beforeAll(async () => {
    intake = await startIntakeHarness();
    own = await intake.registerOffice(['NL-NH']);
    other = await intake.registerOffice(['NL-FL']);
    const partner = randomUUID();
    Object.assign(tokens, {
      'own prosecutor': own.prosecutor,
      'other prosecutor': other.prosecutor,
      partner_admin: intake.as('partner_admin', partner),
      mediator: intake.as('mediator', partner),
      auditor: intake.as('auditor'),
      admin: intake.admin,
      service: intake.as('service'),
      'no token': undefined,
    });
  });
  afterAll(() => intake?.close());

  /** A fresh referral of the own office (needing review when asked), so each call acts on its own. */
  const referral = async (overrides: Record<string, unknown> = {}) =>
    (await intake.submit(own.prosecutor, referralBody(overrides))).body.id as string;
  const status = async (method: string, path: string, token: string | undefined, body?: unknown, internal = false) =>
    (await intake.request(method, path, { token, body, internal })).status;
  const policy = {
    excludedOffenseCategories: [],
    reviewOffenseCategories: [],
    allowedStages: ['pre_trial'],
    excludedSeverities: [],
    protectiveOrderNeedsReview: true,
  };
  const webhookBody = { url: 'https://cms.north-prosecutor.example/hooks', eventTypes: ['referral.status_changed'] };
  /** A fresh webhook endpoint of the own office. */
  const endpoint = async () =>
    (await intake.request('POST', '/api/office-webhooks', { token: own.prosecutor, body: webhookBody })).body.endpoint
      .id as string;

  const endpoints: [string, Expected, (token: string | undefined) => Promise<number>][] = [
    [
      'POST /api/offices',
      only({ admin: 201 }),
      (t) =>
        status('POST', '/api/offices', t, {
          name: 'An office',
          jurisdictions: ['NL-UT'],
          contact: { email: 'o@x.example' },
        }),
    ],
    [
      'GET /api/offices',
      only({ admin: 200, 'own prosecutor': 200, 'other prosecutor': 200 }),
      (t) => status('GET', '/api/offices', t),
    ],
    [
      'GET /api/offices/{id}',
      only({ admin: 200, 'own prosecutor': 200, 'other prosecutor': 404 }),
      (t) => status('GET', `/api/offices/${own.id}`, t),
    ],
    [
      'PATCH /api/offices/{id}',
      only({ admin: 200 }),
      (t) => status('PATCH', `/api/offices/${own.id}`, t, { name: 'Renamed office' }),
    ],
    // The other office has no NL-NH: its prosecutor may never submit for it.
    [
      'POST /api/referrals',
      only({ 'own prosecutor': 201 }),
      (t) => status('POST', '/api/referrals', t, referralBody()),
    ],
    [
      'GET /api/referrals',
      only({ 'own prosecutor': 200, 'other prosecutor': 200, auditor: 200, admin: 200 }),
      (t) => status('GET', '/api/referrals', t),
    ],
    [
      'POST /api/referrals/search',
      only({ 'own prosecutor': 200, 'other prosecutor': 200, auditor: 200, admin: 200 }),
      (t) => status('POST', '/api/referrals/search', t, { caseNumber: 'PARKET-1' }),
    ],
    [
      'GET /api/referrals/summary',
      only({ 'own prosecutor': 200, 'other prosecutor': 200, auditor: 200, admin: 200 }),
      (t) => status('GET', '/api/referrals/summary', t),
    ],
    [
      'GET /api/referrals/{id}',
      only({ 'own prosecutor': 200, 'other prosecutor': 404, auditor: 200, admin: 200 }),
      async (t) => status('GET', `/api/referrals/${await referral()}`, t),
    ],
    [
      'POST /api/referrals/{id}/review',
      only({ 'own prosecutor': 200, 'other prosecutor': 404, admin: 200 }),
      async (t) =>
        status('POST', `/api/referrals/${await referral({ protectiveOrder: true })}/review`, t, {
          decision: 'eligible',
          reason: 'checked',
        }),
    ],
    [
      'POST /api/referrals/{id}/withdraw',
      only({ 'own prosecutor': 200, 'other prosecutor': 404 }),
      async (t) => status('POST', `/api/referrals/${await referral()}/withdraw`, t, { reasonCode: 'other' }),
    ],
    [
      'PATCH /api/referrals/{id}',
      only({ 'own prosecutor': 200, 'other prosecutor': 404 }),
      async (t) => status('PATCH', `/api/referrals/${await referral()}`, t, { reportBackBy: '2100-01-01' }),
    ],
    // Passing the checks, the owner learns the report is not there yet (409).
    [
      'GET /api/referrals/{id}/report',
      only({ 'own prosecutor': 409, 'other prosecutor': 404 }),
      async (t) => status('GET', `/api/referrals/${await referral()}/report`, t),
    ],
    [
      'DELETE /api/referrals/{id}/personal-data',
      only({ admin: 200 }),
      async (t) => status('DELETE', `/api/referrals/${await referral()}/personal-data`, t),
    ],
    [
      'PUT /api/screening-policies/{jurisdiction}',
      only({ admin: 200 }),
      (t) => status('PUT', '/api/screening-policies/NL-UT', t, policy),
    ],
    [
      'GET /api/screening-policies',
      {
        'own prosecutor': 200,
        'other prosecutor': 200,
        partner_admin: 200,
        mediator: 200,
        auditor: 200,
        admin: 200,
        service: 200,
        'no token': 401,
      },
      (t) => status('GET', '/api/screening-policies', t),
    ],
    [
      'GET /api/screening-policies/{jurisdiction}/versions',
      {
        'own prosecutor': 200,
        'other prosecutor': 200,
        partner_admin: 200,
        mediator: 200,
        auditor: 200,
        admin: 200,
        service: 200,
        'no token': 401,
      },
      (t) => status('GET', '/api/screening-policies/NL-NH/versions', t),
    ],
    ['GET /api/review-overrides', only({ admin: 200 }), (t) => status('GET', '/api/review-overrides', t)],
    // Offices' webhook endpoints (issue 21): each a fresh endpoint of the own office, so another office's caller meets 404.
    [
      'POST /api/office-webhooks',
      only({ 'own prosecutor': 201, 'other prosecutor': 201 }),
      (t) => status('POST', '/api/office-webhooks', t, webhookBody),
    ],
    [
      'GET /api/office-webhooks',
      only({ 'own prosecutor': 200, 'other prosecutor': 200, admin: 200 }),
      (t) => status('GET', '/api/office-webhooks', t),
    ],
    [
      'GET /api/office-webhooks/{id}',
      only({ 'own prosecutor': 200, 'other prosecutor': 404, admin: 200 }),
      async (t) => status('GET', `/api/office-webhooks/${await endpoint()}`, t),
    ],
    [
      'POST /api/office-webhooks/{id}/approve',
      only({ admin: 200 }),
      async (t) => status('POST', `/api/office-webhooks/${await endpoint()}/approve`, t),
    ],
    [
      'POST /api/office-webhooks/{id}/rotate-secret',
      only({ 'own prosecutor': 200, 'other prosecutor': 404 }),
      async (t) => status('POST', `/api/office-webhooks/${await endpoint()}/rotate-secret`, t, {}),
    ],
    [
      'GET /api/office-webhooks/{id}/deliveries',
      only({ 'own prosecutor': 200, 'other prosecutor': 404, admin: 200 }),
      async (t) => status('GET', `/api/office-webhooks/${await endpoint()}/deliveries`, t),
    ],
    // No such delivery: the owner passes every check and meets 404 too.
    [
      'POST /api/office-webhooks/{id}/deliveries/{deliveryId}/resend',
      only({ 'own prosecutor': 404, 'other prosecutor': 404, admin: 404 }),
      async (t) => status('POST', `/api/office-webhooks/${await endpoint()}/deliveries/${randomUUID()}/resend`, t),
    ],
    [
      'DELETE /api/office-webhooks/{id}',
      only({ 'own prosecutor': 204, 'other prosecutor': 404, admin: 204 }),
      async (t) => status('DELETE', `/api/office-webhooks/${await endpoint()}`, t),
    ],
    [
      'GET /api/screening-policies/{jurisdiction}',
      {
        'own prosecutor': 200,
        'other prosecutor': 200,
        partner_admin: 200,
        mediator: 200,
        auditor: 200,
        admin: 200,
        service: 200,
        'no token': 401,
      },
      (t) => status('GET', '/api/screening-policies/NL-NH', t),
    ],
  ];

  describe.each(endpoints)('%s', (_endpoint, expected, call) => {
    it.each(CALLERS.map((caller) => [caller, expected[caller]] as const))('as %s → %i', async (caller, code) => {
      expect(await call(tokens[caller])).toBe(code);
    });
  });

  describe('GET /internal/keys/{keyId} (internal listener)', () => {
    const keyId = async () =>
      (
        await intake.dataSource.query(
          'select data_key_id from referral where office_id = $1 and personal_data_erased_at is null limit 1',
          [own.id],
        )
      )[0].data_key_id;
    // A service that does not decrypt (here `service-none`) is refused like a person (hardening 2).
    it.each(CALLERS.map((caller) => [caller, caller === 'no token' ? 401 : 403] as const))(
      'as %s → %i',
      async (caller, code) => {
        expect(await status('GET', `/internal/keys/${await keyId()}`, tokens[caller], undefined, true)).toBe(code);
      },
    );

    it('as a service that decrypts (mediation-scheduling) → 200', async () => {
      expect(
        await status(
          'GET',
          `/internal/keys/${await keyId()}`,
          mintServiceToken('mediation-scheduling', intake.config.AUTH_JWT_SECRET),
          undefined,
          true,
        ),
      ).toBe(200);
    });
  });
});

/**
 * The security matrix (issue #8): every operation the running services document, plus the
 * internal key endpoint, called by nobody, by forged and expired tokens, by each role, from the
 * object's own organisation and from another — each answer as api.md's "who" columns say.
 * Then: unknown fields refused everywhere, and no read showing a role what it must not see.
 */
import { mintToken, DEV_JWT_SECRET } from '@rj/shared/auth';
import { createTestTopics, httpRequest, type TestTopics } from '@rj/shared/testing';
import { SERVICE_NAMES, startPlatform, type RunningPlatform } from './platform';
import { accessTable, CALLERS, expectedStatus, roleOf, type AccessRow, type Caller } from './support/access-table';
import { expectStatus } from './support/actors';
import { buildSecurityWorld, type SecurityWorld } from './support/security-world';

describe('the security matrix', () => {
  let topics: TestTopics;
  let platform: RunningPlatform;
  let world: SecurityWorld;
  let rows: AccessRow[];
  let tokens: Record<Caller, string>;

  beforeAll(async () => {
    topics = await createTestTopics();
    platform = await startPlatform({
      echo: process.env.E2E_ECHO === '1',
      topicPrefix: topics.prefix,
      serviceEnv: { 'outcome-tracking': { FOLLOW_UP_DUE_IMMEDIATELY: 'true', OUTCOME_SCAN_EVERY_MS: '1000' } },
    });
    world = await buildSecurityWorld(platform);
    const checkpoint = expectStatus(
      await platform.request('audit-ledger', 'POST', '/api/audit/checkpoints', { token: world.admin }),
      201,
      'sign a checkpoint',
    ).body;
    rows = accessTable(world, checkpoint);
    tokens = {
      prosecutor: world.office.prosecutor,
      'prosecutor:other': world.otherOffice.prosecutor,
      partner_admin: world.partner.admin,
      'partner_admin:other': world.otherPartner.admin,
      mediator: world.mediator.mediator,
      'mediator:idle': world.idleMediator.mediator,
      'mediator:other': world.otherMediator.mediator,
      auditor: world.auditor,
      admin: world.admin,
      service: platform.token('service', null, 'system:e2e'),
    };
  });

  afterAll(async () => {
    await platform?.stop();
    await topics?.delete();
  });

  // The platform itself (these two once had a file and a platform of their own: one start fewer).
  it('starts every service ready against its own database and the shared broker', async () => {
    for (const service of SERVICE_NAMES) {
      const ready = await platform.request(service, 'GET', '/health/ready');
      expect({ service, status: ready.status }).toEqual({ service, status: 200 });
    }
  });

  it('keeps the key store off the public port', async () => {
    const publicKeyRoute = await platform.request(
      'referral-intake',
      'GET',
      `/internal/keys/${'0'.repeat(8)}-0000-7000-8000-000000000000`,
      { token: platform.token('service') },
    );
    expect(publicKeyRoute.status).toBe(404);
  });

  const call = (row: AccessRow, token: string | undefined, body = row.body?.()) =>
    platform.request(row.service, row.op.split(' ')[0], row.path, { token, body });

  it('has a row for every operation the services document, and none for an undocumented one', async () => {
    // Each service's own document, or (through a validating front door, FRONT_DOOR_VALIDATE) the
    // merged one five times: the operations are their union.
    const documented = new Set<string>();
    for (const service of SERVICE_NAMES) {
      const doc = expectStatus(await platform.request(service, 'GET', '/api/docs-json'), 200, `${service} docs`).body;
      for (const [path, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
        for (const method of Object.keys(operations))
          if (!path.startsWith('/health')) documented.add(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(rows.map((row) => row.op).sort()).toEqual([...documented].sort());
  });

  it('answers 401 without a token, with a forged one and with an expired one, on every operation', async () => {
    const forged = mintToken(
      { sub: 'admin-forged', role: 'admin', org: null, name: 'Forger' },
      'not-the-platform-secret-but-long-enough',
    );
    const valid = mintToken({ sub: 'admin-expired', role: 'admin', org: null, name: 'Late' }, DEV_JWT_SECRET);
    const stale = mintToken(
      { sub: 'admin-expired', role: 'admin', org: null, name: 'Late', expiresIn: -60 },
      DEV_JWT_SECRET,
    );
    const wrong: string[] = [];
    for (const row of rows) {
      // A public operation ignores a token, bad or not: it answers as it answers anyone.
      const expected = row.public ? expectedStatus(row, 'admin') : 401;
      for (const [who, token] of [
        ['none', undefined],
        ['forged', forged],
        ['expired', stale],
      ] as const) {
        const status = (await call(row, token)).status;
        if (status !== expected) wrong.push(`${row.op} ${who} → ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(rows.filter((row) => row.public).map((row) => row.op)).toEqual([
      'GET /api/surveys/{token}',
      'POST /api/surveys/{token}',
      'POST /api/surveys/{token}/stop',
      'GET /api/transparency',
      'GET /api/transparency/{jurisdiction}/{period}',
    ]);
    // The same admin claims, validly signed, are let through somewhere: the 401s are about the token.
    expect((await platform.request('referral-intake', 'GET', '/api/offices', { token: valid })).status).toBe(200);
  });

  it('refuses unknown fields with 400 on every operation that takes a body', async () => {
    const answers: string[] = [];
    for (const row of rows.filter((r) => r.body)) {
      // A caller let through the role check; where every allowed caller meets 404 (an unknown id), the body is checked first.
      const caller =
        CALLERS.find((c) => expectedStatus(row, c) < 300 || expectedStatus(row, c) === 409) ??
        CALLERS.find((c) => row.who.includes(roleOf(c)) && !c.includes(':'))!;
      const body = { ...(row.body!() as object), unexpectedField: 'smuggled' };
      answers.push(`${row.op} as ${caller} → ${(await call(row, tokens[caller], body)).status}`);
    }
    expect(answers.filter((line) => !line.endsWith('→ 400'))).toEqual([]);
  });

  it("answers every role, in the object's organisation and outside it, as api.md says", async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    for (const row of rows) {
      // Refusals first: an allowed change must not alter what a refused caller is pointed at.
      const order = [...CALLERS].sort(
        (a, b) =>
          Number(expectedStatus(row, a) < 300 || expectedStatus(row, a) === 409) -
          Number(expectedStatus(row, b) < 300 || expectedStatus(row, b) === 409),
      );
      const cells: string[] = [];
      for (const caller of order) {
        const expected = expectedStatus(row, caller);
        const got = await call(row, tokens[caller]);
        cells.push(`${caller}=${got.status}`);
        if (got.status !== expected)
          wrong.push(
            `${row.op} as ${caller}: expected ${expected}, got ${got.status} ${JSON.stringify(got.body).slice(0, 300)}`,
          );
      }
      table.push(`${row.op}: ${cells.join(' ')}`);
    }
    expect(wrong).toEqual([]);
    expect(table.length).toBe(rows.length);
  });

  it('serves data keys on the internal port to the services that decrypt only, and 410 once the referral is erased', async () => {
    const keyId = await world.dataKeyOf(world.completed.referralId);
    const key = (token?: string) => httpRequest(`${platform.keyStoreUrl}/internal/keys/${keyId}`, 'GET', { token });
    expect((await key()).status).toBe(401);
    expect(
      (
        await key(
          mintToken(
            { sub: 'system:x', role: 'service', org: null, name: 'x' },
            'not-the-platform-secret-but-long-enough',
          ),
        )
      ).status,
    ).toBe(401);
    expect(
      (await key(mintToken({ sub: 'system:x', role: 'service', org: null, name: 'x', expiresIn: -60 }, DEV_JWT_SECRET)))
        .status,
    ).toBe(401);
    // Every caller but a service that decrypts is refused, other services included (hardening 2).
    for (const caller of CALLERS)
      expect({ caller, status: (await key(tokens[caller])).status }).toEqual({ caller, status: 403 });
    const reader = platform.token('service', null, 'system:mediation-scheduling');
    expect((await key(reader)).status).toBe(200);
    expect(
      (await platform.request('referral-intake', 'GET', `/internal/keys/${keyId}`, { token: reader })).status,
    ).toBe(404);

    const erasedKeyId = await world.dataKeyOf(world.toWithdraw);
    expectStatus(
      await platform.request('referral-intake', 'DELETE', `/api/referrals/${world.toWithdraw}/personal-data`, {
        token: world.admin,
      }),
      [200, 409],
      'erase',
    );
    expect(
      (await httpRequest(`${platform.keyStoreUrl}/internal/keys/${erasedKeyId}`, 'GET', { token: reader })).status,
    ).toBe(410);
  });

  it('never shows a role names, notes, risk factors, term details or acknowledgements it must not see', async () => {
    const { secrets } = world;
    // Who may read what: the prosecutor and admin see their referral; the accepting partner's
    // people see the parties once accepted; only the mediator reads notes; nobody reads risk
    // factors or term descriptions back; the prosecutor sees no terms without everyone's consent.
    const forbidden = (row: AccessRow, caller: Caller): string[] => {
      const partnerSide = caller === 'partner_admin' || caller === 'mediator';
      const ownOffice = caller === 'prosecutor' || caller === 'admin';
      return [
        ...(ownOffice ? [] : secrets.pending),
        ...(ownOffice || partnerSide ? [] : secrets.accepted),
        ...(caller === 'mediator' ? [] : [secrets.note]),
        secrets.riskFactor,
        secrets.termDescription,
        ...(roleOf(caller) === 'prosecutor' ? ['acknowledg'] : []),
        // Figures count term kinds across cases; a read about this referral shows none of its terms.
        ...(roleOf(caller) === 'prosecutor' && row.path.includes(world.completed.referralId)
          ? ['restitution', 'apology_letter', '120.00']
          : []),
      ];
    };
    const leaks: string[] = [];
    const seen = new Map<string, string>();
    for (const row of rows.filter((r) => r.op.startsWith('GET '))) {
      for (const caller of CALLERS) {
        const answer = await call(row, tokens[caller]);
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        seen.set(`${row.op} ${caller}`, text);
        for (const secret of forbidden(row, caller))
          if (text.includes(secret)) leaks.push(`${row.op} to ${caller} carries "${secret}"`);
      }
    }
    expect(leaks).toEqual([]);
    // The scan looks for the right strings: those allowed to see them do.
    expect(seen.get('GET /api/cases/{id} partner_admin')).toContain(secrets.activeHarmedName);
    expect(seen.get('GET /api/cases/{id}/notes mediator')).toContain(secrets.note);
    expect(seen.get('GET /api/referrals/{id} prosecutor')).toContain(secrets.completedHarmedName);
  });
});

/**
 * The demo data (`npm run seed:demo`) on a real platform: seeded through the public APIs only,
 * every promised state is there when read back through those APIs, and the seed refuses to
 * run twice on the same platform unless forced. Then the command line itself as `npm start`
 * sets things up: tokens from the development identity provider, which reads the
 * organisations file the seed writes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestTopics, startTestSmtpServer, type TestSmtpServer, type TestTopics } from '@rj/shared/testing';
import { assertSeedAllowed, SeedRefused } from '../seed/guard';
import { isPlatformEmpty, seedDemo, SeedIncomplete, type DemoOrganisations, type TokenFor } from '../seed/seed-demo';
import { urlVariableOf } from '../seed/services';
import { startIdp, type RunningIdp } from '../idp/run-idp';
import { startPlatform, type RunningPlatform } from './platform';
import { eventuallyBody, expectStatus } from './support/actors';

describe('demo data', () => {
  let topics: TestTopics;
  let smtp: TestSmtpServer;
  let platform: RunningPlatform;
  let tokenFor: TokenFor;
  let admin: string;

  beforeAll(async () => {
    topics = await createTestTopics();
    smtp = await startTestSmtpServer();
    platform = await startPlatform({ topicPrefix: topics.prefix, smtpUrl: smtp.url });
    tokenFor = async ({ role, org, sub }) => platform.token(role, org ?? null, sub);
    admin = platform.token('admin', null, 'admin-seed-check');
  });

  afterAll(async () => {
    await platform?.stop();
    await smtp?.close();
    await topics?.delete();
  });

  const get = async (service: Parameters<RunningPlatform['request']>[0], url: string, token: string) =>
    expectStatus(await platform.request(service, 'GET', url, { token }), 200, `GET ${url}`).body;
  const referralsOf = async (token: string, status?: string): Promise<any[]> =>
    (await get('referral-intake', `/api/referrals?limit=200${status ? `&status=${status}` : ''}`, token)).items;

  it('creates organisations and referrals in every state through the APIs, and only once', async () => {
    expect(await isPlatformEmpty(platform.urls, tokenFor)).toBe(true);
    const lines: string[] = [];
    const startedAt = Date.now();
    const organisations = await seedDemo({ urls: platform.urls, tokenFor, log: (line) => lines.push(line) });
    process.stderr.write(`demo seed took ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n${lines.join('\n')}\n`);

    // The organisations, as the identity provider will read them.
    expect(organisations.offices.map((o) => o.jurisdiction).sort()).toEqual(['NORTHVALE', 'SOUTHMERE']);
    expect(organisations.partners).toHaveLength(3);
    expect(organisations.mediators).toHaveLength(5);
    for (const mediator of organisations.mediators)
      expect(organisations.partners.map((p) => p.id)).toContain(mediator.partnerId);
    expect(lines.filter((line) => line.startsWith('referral'))).toHaveLength(24);

    // The guard: the platform is no longer empty, a second run is refused unless forced.
    expect(await isPlatformEmpty(platform.urls, tokenFor)).toBe(false);
    await expect(assertSeedAllowed(platform.urls, tokenFor)).rejects.toBeInstanceOf(SeedRefused);
    await expect(assertSeedAllowed(platform.urls, tokenFor, { force: true })).resolves.toEqual({
      platformWasEmpty: false,
    });

    // Every state, counted by the admin; the newest referrals settle at their offer meanwhile.
    const expected = {
      completed: 2,
      returned: 3,
      in_progress: 4,
      assigned: 1,
      withdrawn: 1,
      unmatched: 1,
      offered: 8,
      needs_review: 3,
      ineligible: 1,
    };
    await eventuallyBody(
      platform,
      'referral-intake',
      '/api/referrals?limit=200',
      admin,
      (page: any) => sameCounts(countBy(page.items, 'status'), expected),
      'the demo referrals in their states',
    );

    const office = (key: 'NORTHVALE' | 'SOUTHMERE') => organisations.offices.find((o) => o.jurisdiction === key)!;
    const prosecutor = (key: 'NORTHVALE' | 'SOUTHMERE') =>
      platform.token('prosecutor', office(key).id, `prosecutor-check-${key}`);
    const partner = (name: RegExp) => organisations.partners.find((p) => name.test(p.name))!;
    const partnerAdmin = (name: RegExp) =>
      platform.token('partner_admin', partner(name).id, `partner-admin-check-${partner(name).id}`);

    // In review: both offices' review queues hold their referrals.
    expect(await referralsOf(prosecutor('NORTHVALE'), 'needs_review')).toHaveLength(2);
    expect(await referralsOf(prosecutor('SOUTHMERE'), 'needs_review')).toHaveLength(1);

    // Offered: offers wait for the community programmes, and for the specialist, whose status the admin set.
    const pendingAt = async (name: RegExp) =>
      (await get('partner-matching', '/api/offers?status=pending&limit=100', partnerAdmin(name))).items;
    expect((await pendingAt(/Northvale/)).length).toBeGreaterThanOrEqual(4);
    expect((await pendingAt(/Southmere/)).length).toBeGreaterThanOrEqual(3);
    expect(await pendingAt(/Safe Ground/)).toHaveLength(1);
    expect((await get('partner-matching', `/api/partners/${partner(/Safe Ground/).id}`, admin)).specialties).toEqual(
      expect.arrayContaining(['domestic_violence']),
    );

    // In preparation: open cases with a mediator, one with an indirect dialogue booked.
    const specialistCases = (await get('mediation-scheduling', '/api/cases', partnerAdmin(/Safe Ground/))).items;
    expect(specialistCases).toHaveLength(1);
    expect(specialistCases[0]).toMatchObject({ status: 'open' });
    const sessions = await get(
      'mediation-scheduling',
      `/api/cases/${specialistCases[0].id}/sessions`,
      partnerAdmin(/Safe Ground/),
    );
    expect((sessions.items ?? sessions).map((s: any) => `${s.kind}:${s.status}`)).toEqual(
      expect.arrayContaining(['indirect_dialogue:scheduled']),
    );

    // Agreement running: two agreements with terms, partly kept.
    const running: any[] = [];
    for (const referral of await referralsOf(admin, 'in_progress')) {
      const full = await get('referral-intake', `/api/referrals/${referral.id}`, admin);
      const name = new RegExp(organisations.partners.find((p) => p.id === full.partnerId)!.name.split(' ')[0]);
      const outcome = await platform.request('outcome-tracking', 'GET', `/api/cases/${full.caseId}/outcome`, {
        token: partnerAdmin(name),
      });
      if (outcome.status === 200 && outcome.body.status === 'agreement') running.push(outcome.body);
    }
    expect(running).toHaveLength(2);
    for (const outcome of running)
      expect(outcome.agreement.terms.some((t: any) => t.status !== 'fulfilled')).toBe(true);

    // Completed: Northvale's report carries the terms (both parties consented), Southmere's only the result.
    const [northCompleted] = await referralsOf(prosecutor('NORTHVALE'), 'completed');
    expect(
      await get('referral-intake', `/api/referrals/${northCompleted.id}/report`, prosecutor('NORTHVALE')),
    ).toMatchObject({
      result: 'completed',
      termsShared: true,
      terms: [expect.objectContaining({ kind: 'restitution' }), expect.objectContaining({ kind: 'apology_letter' })],
    });
    const [southCompleted] = await referralsOf(prosecutor('SOUTHMERE'), 'completed');
    expect(
      await get('referral-intake', `/api/referrals/${southCompleted.id}/report`, prosecutor('SOUTHMERE')),
    ).toMatchObject({ result: 'completed', termsShared: false });

    // Returned, each with a neutral reason code.
    const reasons: string[] = [];
    for (const key of ['NORTHVALE', 'SOUTHMERE'] as const) {
      for (const referral of await referralsOf(prosecutor(key), 'returned'))
        reasons.push(
          (await get('referral-intake', `/api/referrals/${referral.id}/report`, prosecutor(key))).reasonCode,
        );
    }
    expect(reasons.sort()).toEqual(['agreement_not_completed', 'dialogue_not_held', 'no_agreement']);

    // Northvale's prosecutor sees two report-back deadlines at risk, and finds a case by its number.
    expect(
      (await get('referral-intake', '/api/referrals/summary', prosecutor('NORTHVALE'))).deadlinesAtRisk.count,
    ).toBe(2);
    const found = expectStatus(
      await platform.request('referral-intake', 'POST', '/api/referrals/search', {
        token: prosecutor('NORTHVALE'),
        body: { caseNumber: `DEMO-${new Date().getUTCFullYear()}-0001` },
      }),
      200,
      'search',
    ).body;
    expect(found.items.map((r: any) => r.id)).toEqual([northCompleted.id]);

    // The people are obviously fictional.
    const completedReferral = await get(
      'referral-intake',
      `/api/referrals/${northCompleted.id}`,
      prosecutor('NORTHVALE'),
    );
    expect(completedReferral.caseNumber).toMatch(/^DEMO-\d{4}-0001$/);
    for (const party of completedReferral.parties) {
      expect(party.fullName).toMatch(/ (Example|Sample|Placeholder|Fictitious|Madeup|Testcase|Specimen|Dummy)$/);
      expect(party.contact.email).toMatch(/@example\.org$/);
    }
  });

  it('stops at the first referral it cannot bring to its state, and says so, the organisations kept', async () => {
    const urls = { ...platform.urls, 'outcome-tracking': 'http://127.0.0.1:1' };
    let organisations: DemoOrganisations | undefined;
    const lines: string[] = [];
    const seeding = seedDemo({
      urls,
      tokenFor,
      suffix: 'down',
      log: (line) => lines.push(line),
      onOrganisations: (created) => void (organisations = created),
    });
    await expect(seeding).rejects.toBeInstanceOf(SeedIncomplete);
    await expect(seeding).rejects.toThrow(
      /the organisations exist.*\n.*outcome-tracking is not reachable at http:\/\/127\.0\.0\.1:1/,
    );
    expect(organisations?.offices.map((o) => o.jurisdiction).sort()).toEqual(['NORTHVALE-down', 'SOUTHMERE-down']);
    // Journeys that never touch outcome-tracking and were under way finish; nothing new starts after the failure.
    expect(lines.filter((line) => line.startsWith('referral')).length).toBeLessThan(24);
    expect(lines.some((line) => line.startsWith('summary'))).toBe(false);
  });
});

describe('npm run seed:demo against the development identity provider', () => {
  let topics: TestTopics;
  let idp: RunningIdp;
  let platform: RunningPlatform;
  let dir: string;
  let file: string;
  let env: Record<string, string>;

  // The services verify the provider's RS256 tokens through its JWKS (people's HS256 tokens are
  // refused then) and call each other with its client-credentials tokens, as under npm start.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'seed-cli-'));
    file = path.join(dir, 'organisations.json');
    idp = await startIdp({
      IDP_KEY_FILE: path.join(dir, 'key.json'),
      DEMO_ORGANISATIONS_FILE: file,
      IDP_SERVICE_SECRET: SERVICE_SECRET,
    });
    topics = await createTestTopics();
    platform = await startPlatform({
      topicPrefix: topics.prefix,
      env: {
        AUTH_JWKS_URL: idp.jwksUrl,
        AUTH_ISSUER: idp.issuer,
        AUTH_AUDIENCE: 'rj-platform',
        AUTH_CLIENT_SECRET: SERVICE_SECRET,
      },
    });
    env = {
      ...Object.fromEntries(
        Object.entries(platform.urls).map(([service, url]) => [
          urlVariableOf(service as keyof typeof platform.urls),
          url,
        ]),
      ),
      IDP_ISSUER: idp.issuer,
      DEMO_ORGANISATIONS_FILE: file,
    };
  });

  afterAll(async () => {
    await platform?.stop();
    await idp?.stop();
    await topics?.delete();
    rmSync(dir, { recursive: true, force: true });
  });

  it("seeds with the provider's tokens, writes the accounts' organisations, and then refuses in one line", async () => {
    const noProvider = await runCli([], { ...env, IDP_ISSUER: 'http://127.0.0.1:1' });
    expect(noProvider.code).toBe(1);
    expect(noProvider.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('not seeded: the identity provider is not reachable at http://127.0.0.1:1'),
    ]);
    expect(await runCli(['--if-empty'], { ...env, SEED_DEMO: 'false' })).toMatchObject({
      code: 0,
      stdout: '[seed] SEED_DEMO=false: no demo data\n',
    });

    const seeded = await runCli([], env);
    expect(seeded).toMatchObject({ code: 0, stderr: '' });
    const lines = seeded.stdout.trim().split('\n');
    process.stderr.write(`${lines.join('\n')}\n`);
    expect(lines.filter((line) => line.startsWith('[seed] office'))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('[seed] partner'))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('[seed] referral'))).toHaveLength(24);
    expect(lines.at(-2)).toMatch(/^\[seed\] summary/);
    expect(lines.at(-1)).toMatch(/^\[seed\] done in \d+ s/);

    // The provider offers an account for every organisation the seed wrote down.
    const written = JSON.parse(readFileSync(file, 'utf8')) as DemoOrganisations;
    expect(written.offices.map((o) => o.jurisdiction).sort()).toEqual(['NORTHVALE', 'SOUTHMERE']);
    for (const mediator of written.mediators) {
      const claims = await devTokenClaims(idp.issuer, { account: mediator.sub });
      expect(claims).toMatchObject({ sub: mediator.sub, role: 'mediator', org: mediator.partnerId });
    }
    const prosecutor = await devTokenClaims(idp.issuer, { account: 'prosecutor-1' });
    expect(written.offices.map((o) => o.id)).toContain(prosecutor.org);

    const again = await runCli([], env);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\[seed\] not seeded: the platform already has offices.*--force/),
    ]);
    expect(await runCli(['--if-empty'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('already has offices'),
    });
  });
});

function countBy(items: any[], field: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item[field]] = (counts[item[field]] ?? 0) + 1;
  return counts;
}

function sameCounts(actual: Record<string, number>, expected: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...keys].every((key) => (actual[key] ?? 0) === (expected[key] ?? 0));
}

const ROOT = path.resolve(__dirname, '../..');
const SERVICE_SECRET = 'seed-e2e-service-secret';

async function devTokenClaims(issuer: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${issuer}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const { access_token } = (await response.json()) as { access_token: string };
  return JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString('utf8'));
}

/** `npm run seed:demo -- <args>` as a real process. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', './tools/runtime/register.js', 'tools/seed/cli.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 240_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * The development identity provider as a real process, driven over plain HTTP: discovery,
 * the console's authorization code flow with PKCE (a cookie jar and manual redirects stand in
 * for the browser), client credentials for a service, and POST /dev/token — every token
 * verified by the services' own TokenVerifier through the provider's JWKS.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClientCredentialsTokenSource, serviceTokenSource, TokenVerifier } from '@rj/shared/auth';
import { DependencyUnavailable } from '@rj/shared/contracts';
import { startIdp, type RunningIdp } from './run-idp';

const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const POST_LOGOUT_URI = 'http://127.0.0.1:3000/signed-out';
const OFFICE = randomUUID();
const PARTNER = randomUUID();
const ORGANISATIONS = {
  offices: [{ id: OFFICE, name: 'Office North', jurisdiction: 'NL-NH' }],
  partners: [{ id: PARTNER, name: 'Dialogue Partners' }],
  mediators: [{ sub: 'mediator-anna', partnerId: PARTNER, name: 'Anna Mediator' }],
};

const base64url = (buffer: Buffer) => buffer.toString('base64url');
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

/** Just enough of a browser: cookies kept per name, redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      const [name, value] = [pair.slice(0, index), pair.slice(index + 1)];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }
}

let idp: RunningIdp;
let dir: string;
let verifier: TokenVerifier;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'idp-test-'));
  writeFileSync(path.join(dir, 'organisations.json'), JSON.stringify(ORGANISATIONS));
  idp = await startIdp({
    IDP_KEY_FILE: path.join(dir, 'key.json'),
    DEMO_ORGANISATIONS_FILE: path.join(dir, 'organisations.json'),
    IDP_ACCESS_TOKEN_TTL: '8',
  });
  verifier = new TokenVerifier({ jwksUrl: idp.jwksUrl, issuer: idp.issuer, audience: 'rj-platform' });
});

afterAll(async () => {
  await idp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(
  browser: Browser,
  account: string,
  extra: Record<string, string> = {},
): Promise<{ code: string; verifier: string }> {
  const codeVerifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(8));
  const authorize = new URL(idp.discovery.authorization_endpoint);
  Object.entries({
    client_id: 'rj-console',
    response_type: 'code',
    scope: 'openid profile',
    redirect_uri: REDIRECT_URI,
    state,
    nonce: base64url(randomBytes(8)),
    code_challenge: base64url(createHash('sha256').update(codeVerifier).digest()),
    code_challenge_method: 'S256',
    ...extra,
  }).forEach(([name, value]) => authorize.searchParams.set(name, value));
  const toInteraction = await browser.request(authorize.href);
  expect(toInteraction.status).toBe(303);
  const interactionUrl = new URL(toInteraction.headers.get('location')!, idp.issuer).href;
  const page = await browser.request(interactionUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(`value="${account}"`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
  const chosen = await browser.request(new URL(action, idp.issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account }).toString(),
  });
  expect(chosen.status).toBe(303);
  let location = new URL(chosen.headers.get('location')!, idp.issuer).href;
  for (let hop = 0; hop < 5 && !location.startsWith(REDIRECT_URI); hop++) {
    const next = await browser.request(location);
    expect([302, 303]).toContain(next.status);
    location = new URL(next.headers.get('location')!, idp.issuer).href;
  }
  const callback = new URL(location);
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('error')).toBeNull();
  return { code: callback.searchParams.get('code')!, verifier: codeVerifier };
}

async function exchange(
  code: string,
  codeVerifier: string,
  auth: 'basic' | 'post' = 'basic',
): Promise<Record<string, any>> {
  const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: codeVerifier };
  const response = await fetch(idp.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(auth === 'basic'
        ? { authorization: `Basic ${Buffer.from('rj-console:dev-console-secret').toString('base64')}` }
        : {}),
    },
    body: new URLSearchParams(
      auth === 'basic' ? form : { ...form, client_id: 'rj-console', client_secret: 'dev-console-secret' },
    ).toString(),
  });
  const body = (await response.json()) as Record<string, any>;
  expect({ status: response.status, body }).toMatchObject({ status: 200 });
  return body;
}

describe('development identity provider', () => {
  it('publishes discovery with the endpoints the console and the services use', () => {
    expect(idp.discovery).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
      token_endpoint: expect.any(String),
      end_session_endpoint: expect.any(String),
      code_challenge_methods_supported: ['S256'],
    });
    expect(idp.output()).toContain(`ready at ${idp.issuer}`);
  });

  it('signs a prosecutor in by authorization code + PKCE; the access token verifies through the JWKS with role and office', async () => {
    const { code, verifier: codeVerifier } = await signIn(new Browser(), 'prosecutor-1');
    const tokens = await exchange(code, codeVerifier);
    expect(tokens.token_type).toBe('Bearer');
    await expect(verifier.verify(tokens.access_token)).resolves.toEqual({
      sub: 'prosecutor-1',
      role: 'prosecutor',
      org: OFFICE,
      name: 'Prosecutor, Office North',
    });
    expect(claimsOf(tokens.access_token)).toMatchObject({ iss: idp.issuer, aud: 'rj-platform' });
    expect(claimsOf(tokens.id_token)).toMatchObject({
      sub: 'prosecutor-1',
      name: 'Prosecutor, Office North',
      role: 'prosecutor',
      org: OFFICE,
      aud: 'rj-console',
    });
  });

  it('takes the bare audience as resource indicator, and the console secret in the body (as openid-client sends by default)', async () => {
    const { code, verifier: codeVerifier } = await signIn(new Browser(), 'mediator-anna', { resource: 'rj-platform' });
    const tokens = await exchange(code, codeVerifier, 'post');
    await expect(verifier.verify(tokens.access_token)).resolves.toEqual({
      sub: 'mediator-anna',
      role: 'mediator',
      org: PARTNER,
      name: 'Anna Mediator',
    });
  });

  it('lists every demo account grouped by role on an accessible page, and re-reads the organisations at each sign-in', async () => {
    const browser = new Browser();
    const authorize = new URL(idp.discovery.authorization_endpoint);
    const challenge = base64url(createHash('sha256').update('x'.repeat(43)).digest());
    Object.entries({
      client_id: 'rj-console',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).forEach(([n, v]) => authorize.searchParams.set(n, v));
    const interaction = (await browser.request(authorize.href)).headers.get('location')!;
    writeFileSync(
      path.join(dir, 'organisations.json'),
      JSON.stringify({
        ...ORGANISATIONS,
        offices: [...ORGANISATIONS.offices, { id: randomUUID(), name: 'Office South', jurisdiction: 'NL-ZH' }],
      }),
    );
    const html = await (await browser.request(new URL(interaction, idp.issuer).href)).text();
    writeFileSync(path.join(dir, 'organisations.json'), JSON.stringify(ORGANISATIONS));
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('Development only');
    expect(html).not.toMatch(/<script/i);
    for (const heading of ['Prosecutors', 'Partner administrators', 'Mediators', 'Auditors', 'Administrators'])
      expect(html).toContain(`<h2>${heading}</h2>`);
    for (const sub of [
      'prosecutor-1',
      'prosecutor-2',
      'partner-admin-1',
      'mediator-anna',
      'auditor',
      'admin-1',
      'admin-2',
    ])
      expect(html).toContain(`value="${sub}"`);
    const inputs = [...html.matchAll(/<input type="radio" id="([^"]+)"/g)].map((m) => m[1]);
    for (const id of inputs) expect(html).toContain(`<label for="${id}">`);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
  });

  it('requires PKCE of the console', async () => {
    const authorize = new URL(idp.discovery.authorization_endpoint);
    Object.entries({
      client_id: 'rj-console',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: REDIRECT_URI,
      state: 's',
    }).forEach(([n, v]) => authorize.searchParams.set(n, v));
    const response = await fetch(authorize.href, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('offers RP-initiated sign-out on an accessible page', async () => {
    const browser = new Browser();
    const { code, verifier: codeVerifier } = await signIn(browser, 'admin-2');
    const { id_token: idToken } = await exchange(code, codeVerifier);
    const end = new URL(idp.discovery.end_session_endpoint);
    end.searchParams.set('id_token_hint', idToken);
    end.searchParams.set('post_logout_redirect_uri', POST_LOGOUT_URI);
    const page = await browser.request(end.href);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Yes, sign me out');
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html)!;
    const fields = Object.fromEntries(
      [...form[2].matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const confirmed = await browser.request(new URL(form[1], idp.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, logout: 'yes' }).toString(),
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(POST_LOGOUT_URI);
  });

  it('issues a service its own token by client credentials (client_secret_basic): role service, sub = service name', async () => {
    const response = await fetch(idp.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('mediation-scheduling:dev-service-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await response.json()) as any;
    expect(response.status).toBe(200);
    await expect(verifier.verify(body.access_token)).resolves.toEqual({
      sub: 'mediation-scheduling',
      role: 'service',
      org: null,
      name: 'mediation-scheduling',
    });
    const wrong = await fetch(idp.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('mediation-scheduling:guess').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(wrong.status).toBe(401);
  });

  it('mints development tokens for scripts at POST /dev/token, by account or by claims', async () => {
    const post = (body: unknown) =>
      fetch(`${idp.issuer}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const byAccount = (await (await post({ account: 'partner-admin-1' })).json()) as any;
    expect(byAccount).toMatchObject({ token_type: 'Bearer', expires_in: 8 });
    await expect(verifier.verify(byAccount.access_token)).resolves.toEqual({
      sub: 'partner-admin-1',
      role: 'partner_admin',
      org: PARTNER,
      name: 'Administrator, Dialogue Partners',
    });
    const byClaims = (await (await post({ role: 'auditor', sub: 'eve', name: 'Eve' })).json()) as any;
    await expect(verifier.verify(byClaims.access_token)).resolves.toEqual({
      sub: 'eve',
      role: 'auditor',
      org: null,
      name: 'Eve',
    });
    expect((await post({ account: 'nobody' })).status).toBe(400);
    expect((await post({ role: 'prosecutor' })).status).toBe(400);
  });

  it('gives `npm run token` a token from the running provider, and says in one line what to do when none runs', () => {
    const token = (args: string[], issuer: string) =>
      spawnSync(process.execPath, ['tools/run/token.js', ...args], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, IDP_ISSUER: issuer },
        encoding: 'utf8',
      });
    const byAccount = token(['--account', 'auditor'], idp.issuer);
    expect(byAccount.status).toBe(0);
    expect(claimsOf(byAccount.stdout.trim())).toMatchObject({
      sub: 'auditor',
      role: 'auditor',
      iss: idp.issuer,
      aud: 'rj-platform',
    });
    const byClaims = token(
      ['--role', 'prosecutor', '--org', OFFICE, '--sub', 'alice', '--expires-in', '1h'],
      idp.issuer,
    );
    expect(claimsOf(byClaims.stdout.trim())).toMatchObject({ sub: 'alice', role: 'prosecutor', org: OFFICE });
    const unreachable = token(['--account', 'auditor'], 'http://127.0.0.1:9');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr.trim().split('\n')).toEqual([
      '[token] no identity provider answers at http://127.0.0.1:9: run `npm start` (or `npm run idp`) first',
    ]);
  });

  it('refuses to start in production', () => {
    const result = spawnSync(process.execPath, ['tools/idp/server.mjs'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'production', IDP_PORT: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('development only');
  });
});

describe('hardening 3: service tokens come from the identity provider by client credentials, refreshed before expiry', () => {
  it('gets a token with issuer and audience that verifies, shares one request among concurrent callers and caches it', async () => {
    const source = new ClientCredentialsTokenSource({
      issuer: idp.issuer,
      clientId: 'outcome-tracking',
      clientSecret: 'dev-service-secret',
    });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => source.token()));
    expect(new Set(tokens).size).toBe(1);
    expect(await source.token()).toBe(tokens[0]);
    expect(source.requests).toBe(1);
    expect(claimsOf(tokens[0])).toMatchObject({
      iss: idp.issuer,
      aud: 'rj-platform',
      sub: 'outcome-tracking',
      role: 'service',
    });
    await expect(verifier.verify(tokens[0])).resolves.toMatchObject({ sub: 'outcome-tracking', role: 'service' });
  });

  it('renews the token before it expires, not after', async () => {
    // The source's own clock is moved instead of waiting: tokens live 8 s here and are renewed
    // at three quarters of their life, so 6.5 s on is past the renewal point and before expiry.
    let now = Date.now();
    const source = new ClientCredentialsTokenSource({
      issuer: idp.issuer,
      clientId: 'mediation-scheduling',
      clientSecret: 'dev-service-secret',
      now: () => now,
    });
    const first = await source.token();
    const firstExpiresAt = claimsOf(first).exp * 1000;
    expect(await source.token()).toBe(first);
    now += 6_500;
    const next = await source.token();
    expect(next).not.toBe(first);
    expect(now).toBeLessThan(firstExpiresAt);
    expect(source.requests).toBe(2);
    await expect(verifier.verify(next)).resolves.toMatchObject({ sub: 'mediation-scheduling', role: 'service' });
  });

  it('answers 503 (DependencyUnavailable) when the provider refuses the credentials', async () => {
    const source = new ClientCredentialsTokenSource({
      issuer: idp.issuer,
      clientId: 'mediation-scheduling',
      clientSecret: 'not-the-secret',
    });
    await expect(source.token()).rejects.toThrow(DependencyUnavailable);
  });

  it('uses client credentials whenever a service has a secret, and refuses production without one', async () => {
    const viaProvider = serviceTokenSource({
      serviceName: 'outcome-tracking',
      nodeEnv: 'production',
      clientSecret: 'dev-service-secret',
      issuer: idp.issuer,
    });
    expect(claimsOf(await viaProvider())).toMatchObject({ iss: idp.issuer, sub: 'outcome-tracking' });
    expect(() =>
      serviceTokenSource({
        serviceName: 'outcome-tracking',
        nodeEnv: 'production',
        jwtSecret: 'a-production-secret-of-enough-length-000',
      }),
    ).toThrow('AUTH_CLIENT_SECRET');
    const minted = serviceTokenSource({
      serviceName: 'outcome-tracking',
      nodeEnv: 'test',
      jwtSecret: 'a-test-secret-of-enough-length-00000000',
    });
    expect(claimsOf(await minted())).toMatchObject({ sub: 'system:outcome-tracking', role: 'service' });
  });
});

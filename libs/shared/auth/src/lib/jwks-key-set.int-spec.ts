import jwt from 'jsonwebtoken';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DependencyUnavailable } from '@rj/shared/contracts';
import { AuthenticationFailed, TokenVerifier } from './token-verifier';

const ISSUER = 'https://idp.example';
const AUDIENCE = 'rj-platform';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const REAL_KID = 'real-key';

/** A JWKS on loopback that counts how often it is fetched. */
async function jwksServer(): Promise<{
  url: string;
  fetches: () => number;
  publish: (kid: string) => void;
  /** Resolves when the provider has been asked once. */
  firstRequest: Promise<void>;
  /** Answers wait until release(), as a slow provider's would. */
  hold: () => void;
  release: () => void;
  close: () => Promise<void>;
  server: Server;
}> {
  let fetches = 0;
  let held: (() => void)[] | null = null;
  let firstArrived: () => void = () => undefined;
  const firstRequest = new Promise<void>((resolve) => (firstArrived = resolve));
  const jwk = (kid: string) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });
  const keys = [jwk(REAL_KID)];
  const server = createServer((_req, res) => {
    fetches += 1;
    firstArrived();
    const answer = () => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys }));
    // A slow provider, held by the test: every junk token arriving meanwhile must join this one fetch.
    if (held) held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    fetches: () => fetches,
    publish: (kid) => keys.push(jwk(kid)),
    firstRequest,
    hold: () => (held = []),
    release: () => {
      const answers = held ?? [];
      held = null;
      answers.forEach((answer) => answer());
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
    server,
  };
}

const token = (kid: string) =>
  jwt.sign({ role: 'admin', name: 'Admin' }, privateKey, {
    algorithm: 'RS256',
    keyid: kid,
    subject: 'admin-1',
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: 60,
  });

describe('hardening 1: unknown kids cost nothing after a refresh', () => {
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  beforeEach(async () => {
    jwks = await jwksServer();
  });
  afterEach(() => jwks.close());

  it('lets 50 tokens with random kids cause at most one JWKS fetch, and a real token still verifies', async () => {
    const verifier = new TokenVerifier({
      jwksUrl: jwks.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksMinRefreshMs: 60_000,
    });
    jwks.hold();
    const pending = Promise.all(
      Array.from({ length: 50 }, () => verifier.verify(token(randomUUID())).catch((error: Error) => error)),
    );
    // All 50 are waiting on the one fetch the provider is holding.
    await jwks.firstRequest;
    jwks.release();
    const outcomes = await pending;
    expect(
      outcomes.every(
        (outcome) =>
          outcome instanceof AuthenticationFailed &&
          outcome.message === 'The bearer token is signed with an unknown key.',
      ),
    ).toBe(true);
    expect(jwks.fetches()).toBe(1);
    await expect(verifier.verify(token(REAL_KID))).resolves.toMatchObject({ sub: 'admin-1', role: 'admin' });
    expect(jwks.fetches()).toBe(1);
  });

  it('answers the same junk again from the negative cache, and fetches at most once per interval afterwards', async () => {
    const verifier = new TokenVerifier({
      jwksUrl: jwks.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksMinRefreshMs: 60_000,
    });
    await verifier.verify(token(REAL_KID));
    const junk = token('junk-kid');
    for (let i = 0; i < 20; i++) await expect(verifier.verify(junk)).rejects.toThrow('unknown key');
    for (let i = 0; i < 20; i++) await expect(verifier.verify(token(randomUUID()))).rejects.toThrow('unknown key');
    expect(jwks.fetches()).toBe(1);
    expect(verifier.jwks?.fetches).toBe(1);
  });

  it('asks again once the interval has passed, so a key the provider rotates in is found within one interval', async () => {
    const verifier = new TokenVerifier({
      jwksUrl: jwks.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksMinRefreshMs: 1000,
      now: () => clock,
    });
    let clock = Date.now();
    await expect(verifier.verify(token('rotated-in-later'))).rejects.toThrow('unknown key');
    jwks.publish('rotated-in-later');
    // Within the interval the kid stays unknown without asking; once it has passed, one fetch finds it.
    await expect(verifier.verify(token('rotated-in-later'))).rejects.toThrow('unknown key');
    expect(jwks.fetches()).toBe(1);
    clock += 1001;
    const verified = await verifier.verify(token('rotated-in-later')).then(
      () => true,
      () => false,
    );
    expect(verified).toBe(true);
    expect(jwks.fetches()).toBe(2);
  });

  it('answers 503 when the provider cannot be reached, without asking it again for every token', async () => {
    await jwks.close();
    const verifier = new TokenVerifier({
      jwksUrl: jwks.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksMinRefreshMs: 60_000,
    });
    await expect(verifier.verify(token(REAL_KID))).rejects.toThrow(DependencyUnavailable);
    await expect(verifier.verify(token(randomUUID()))).rejects.toThrow(DependencyUnavailable);
    expect(verifier.jwks?.fetches).toBe(1);
    jwks = await jwksServer();
  });
});

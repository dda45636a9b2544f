import jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintToken } from './mint-token';
import { TokenVerifier } from './token-verifier';

// The JWKS is read with node:crypto (no ESM-only jose), so the RS256 path runs right here
// against a JWKS served on loopback.
describe('TokenVerifier with an OIDC issuer (RS256 via JWKS)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secret = 'shared-secret-for-services-0123456789';
  const options = { issuer: 'https://idp.example/', audience: 'rj' };
  let server: Server;
  let verifier: TokenVerifier;
  const rs = (kid: string, overrides: jwt.SignOptions = {}): string =>
    jwt.sign({ role: 'prosecutor', org: 'office-1', name: 'Alice' }, privateKey, {
      algorithm: 'RS256',
      keyid: kid,
      subject: 'alice',
      ...options,
      expiresIn: 60,
      ...overrides,
    });

  beforeAll(async () => {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig', alg: 'RS256' };
    server = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    verifier = new TokenVerifier({
      jwtSecret: secret,
      jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
      ...options,
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts an RS256 token signed by a key the JWKS publishes', async () => {
    await expect(verifier.verify(rs('key-1'))).resolves.toEqual({
      sub: 'alice',
      role: 'prosecutor',
      org: 'office-1',
      name: 'Alice',
    });
  });

  it('refuses a key id the JWKS does not publish and a token for another audience', async () => {
    await expect(verifier.verify(rs('key-2'))).rejects.toThrow('The bearer token is signed with an unknown key.');
    await expect(verifier.verify(rs('key-1', { audience: 'other' }))).rejects.toThrow('The bearer token is not valid.');
  });

  it('accepts the shared secret only for service tokens once an issuer is configured', async () => {
    await expect(
      verifier.verify(mintToken({ sub: 'alice', role: 'admin', org: null, name: 'A' }, secret, options)),
    ).rejects.toThrow('Only service tokens may be signed with the shared secret.');
    await expect(
      verifier.verify(mintToken({ sub: 'system:x', role: 'service', org: null, name: 'x' }, secret, options)),
    ).resolves.toMatchObject({ role: 'service', org: null });
  });

  it('refuses an RS256 token signed with the HS256 secret trick (algorithm confusion)', async () => {
    const confused = jwt.sign(
      { role: 'admin', org: null },
      publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      { algorithm: 'HS256', subject: 'x', ...options, expiresIn: 60, keyid: 'key-1' },
    );
    await expect(verifier.verify(confused)).rejects.toThrow('The bearer token is not valid.');
  });
});

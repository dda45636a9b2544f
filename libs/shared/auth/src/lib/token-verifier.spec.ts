import jwt from 'jsonwebtoken';
import { mintServiceToken, mintToken } from './mint-token';
import { actorOf } from './principal';
import { AuthenticationFailed, TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789abcdef0123';
const alice = { sub: 'alice', role: 'prosecutor' as const, org: 'office-1', name: 'Alice' };

describe('TokenVerifier (HS256)', () => {
  const verifier = new TokenVerifier({ jwtSecret: SECRET });

  it('turns a valid token into the principal its claims name', async () => {
    const principal = await verifier.verify(mintToken(alice, SECRET));
    expect(principal).toEqual(alice);
    expect(actorOf(principal)).toEqual({ sub: 'alice', role: 'prosecutor', org: 'office-1' });
  });

  it('gives a service token role service, no organisation and a system subject', async () => {
    expect(await verifier.verify(mintServiceToken('partner-matching', SECRET))).toEqual({
      sub: 'system:partner-matching',
      role: 'service',
      org: null,
      name: 'partner-matching',
    });
  });

  it.each([
    ['another secret', mintToken(alice, 'another-secret-another-secret-another'), 'The bearer token is not valid.'],
    ['an expiry in the past', mintToken({ ...alice, expiresIn: -60 }, SECRET), 'The bearer token has expired.'],
    [
      'no expiry at all',
      jwt.sign({ role: 'admin', org: null }, SECRET, { subject: 'x' }),
      'The bearer token has no expiry.',
    ],
    [
      'an unknown role',
      jwt.sign({ role: 'root', org: 'o' }, SECRET, { subject: 'x', expiresIn: 60 }),
      'The bearer token is not valid: token carries no known role.',
    ],
    [
      'no subject',
      jwt.sign({ role: 'admin', org: null }, SECRET, { expiresIn: 60 }),
      'The bearer token is not valid: token has no subject.',
    ],
    [
      'the "none" algorithm',
      jwt.sign({ role: 'admin', org: null }, '', { algorithm: 'none', subject: 'x', expiresIn: 60 }),
      'The bearer token is signed with an algorithm this service does not accept.',
    ],
  ])('refuses a token with %s', async (_what, token, message) => {
    await expect(verifier.verify(token)).rejects.toThrow(new AuthenticationFailed(message));
  });

  it('checks issuer and audience when they are configured', async () => {
    const strict = new TokenVerifier({ jwtSecret: SECRET, issuer: 'https://idp.example/', audience: 'rj' });
    await expect(strict.verify(mintToken(alice, SECRET))).rejects.toThrow(AuthenticationFailed);
    await expect(
      strict.verify(mintToken(alice, SECRET, { issuer: 'https://idp.example/', audience: 'rj' })),
    ).resolves.toEqual(alice);
  });
});

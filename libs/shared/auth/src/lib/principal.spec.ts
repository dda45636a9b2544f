import jwt from 'jsonwebtoken';
import { mintToken } from './mint-token';
import { principalFromClaims, roleNeedsOrganisation } from './principal';
import { AuthenticationFailed, TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789abcdef0123';

describe('hardening 10: a role that needs an org is refused without one', () => {
  const verifier = new TokenVerifier({ jwtSecret: SECRET });

  it.each(['prosecutor', 'partner_admin', 'mediator'] as const)(
    'refuses a %s token without org (401 in the guard)',
    async (role) => {
      expect(roleNeedsOrganisation(role)).toBe(true);
      await expect(verifier.verify(mintToken({ sub: 'x', role, org: null, name: 'X' }, SECRET))).rejects.toThrow(
        new AuthenticationFailed(`The bearer token is not valid: a ${role} token must name an organisation.`),
      );
      await expect(
        verifier.verify(jwt.sign({ role, name: 'X' }, SECRET, { subject: 'x', expiresIn: 60 })),
      ).rejects.toThrow(AuthenticationFailed);
      expect(() => principalFromClaims({ sub: 'x', role, org: '' })).toThrow('must name an organisation');
    },
  );

  it.each(['auditor', 'admin', 'service'] as const)('accepts a %s token without org', async (role) => {
    expect(roleNeedsOrganisation(role)).toBe(false);
    await expect(verifier.verify(mintToken({ sub: 'x', role, org: null, name: 'X' }, SECRET))).resolves.toMatchObject({
      role,
      org: null,
    });
  });

  it('accepts a prosecutor with an office', async () => {
    await expect(
      verifier.verify(mintToken({ sub: 'p', role: 'prosecutor', org: 'office-1', name: 'P' }, SECRET)),
    ).resolves.toMatchObject({ org: 'office-1' });
  });
});

describe('hardening 2: a service is identified by the client it authenticated as', () => {
  it('takes client_id over an opaque sub for role service (Keycloak service accounts), and only for it', () => {
    expect(
      principalFromClaims({ sub: '4c1d…uuid', role: 'service', client_id: 'outcome-tracking', name: 'x' }),
    ).toMatchObject({ sub: 'outcome-tracking', role: 'service' });
    expect(principalFromClaims({ sub: 'mediation-scheduling', role: 'service' })).toMatchObject({
      sub: 'mediation-scheduling',
      name: 'mediation-scheduling',
    });
    expect(principalFromClaims({ sub: 'alice', role: 'admin', client_id: 'rj-console' })).toMatchObject({
      sub: 'alice',
    });
  });
});

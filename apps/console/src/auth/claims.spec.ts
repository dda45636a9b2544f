import { claimsToUser, UnusableSignIn } from './claims';

describe('who signed in', () => {
  it('reads sub, role, organisation and name', () => {
    const user = claimsToUser(
      { sub: 'p-1', role: 'prosecutor', org: 'office-1', name: 'Pat Prosecutor' },
      'at',
      'id',
      600,
      1_000,
    );
    expect(user).toMatchObject({
      sub: 'p-1',
      role: 'prosecutor',
      org: 'office-1',
      name: 'Pat Prosecutor',
      accessTokenExpiresAt: 601_000,
    });
  });

  it('refuses a role that needs an organisation but has none', () => {
    expect(() => claimsToUser({ sub: 'p-1', role: 'mediator' }, 'at', undefined, 60)).toThrow(UnusableSignIn);
  });

  it('refuses an unknown role and the service role', () => {
    expect(() => claimsToUser({ sub: 'x', role: 'superuser' }, 'at', undefined, 60)).toThrow(/no role/);
    expect(() => claimsToUser({ sub: 'x', role: 'service' }, 'at', undefined, 60)).toThrow(/no role/);
  });

  it('lets an auditor and an admin in without an organisation', () => {
    expect(claimsToUser({ sub: 'a', role: 'auditor' }, 'at', undefined, 60).org).toBeNull();
  });
});

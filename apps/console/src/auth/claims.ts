import { ROLES, type Role } from '@rj/shared/contracts';
import type { SessionUser } from '../platform/session-user';

/** Roles that act for an organisation and so must carry its id. */
const ORGANISATION_ROLES: ReadonlySet<Role> = new Set(['prosecutor', 'partner_admin', 'mediator']);

export class UnusableSignIn extends Error {}

/**
 * Who signed in, from the identity provider's claims. A person without a known role, or whose
 * role needs an organisation they lack, cannot use the console (the services would refuse
 * every call); they are told so rather than shown empty pages.
 */
export function claimsToUser(
  claims: Record<string, unknown>,
  accessToken: string,
  idToken: string | undefined,
  expiresInSeconds: number | undefined,
  now = Date.now(),
): SessionUser {
  const sub = typeof claims['sub'] === 'string' ? claims['sub'] : '';
  const role = claims['role'];
  if (!sub) throw new UnusableSignIn('The identity provider did not say who signed in.');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role) || role === 'service') {
    throw new UnusableSignIn('Your account has no role on this platform. Ask your administrator to give you one.');
  }
  const org = typeof claims['org'] === 'string' && claims['org'] ? claims['org'] : null;
  if (ORGANISATION_ROLES.has(role as Role) && !org) {
    throw new UnusableSignIn('Your account is not linked to an organisation. Ask your administrator to link it.');
  }
  const name = typeof claims['name'] === 'string' && claims['name'] ? claims['name'] : sub;
  return {
    sub,
    role: role as Role,
    org,
    name,
    accessToken,
    idToken,
    accessTokenExpiresAt: now + (expiresInSeconds ?? 300) * 1000,
  };
}

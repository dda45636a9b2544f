import { ROLES, type Actor, type Role } from '@rj/shared/contracts';

/** Who is calling, from the verified token's claims (api.md, Auth). */
export interface Principal {
  sub: string;
  role: Role;
  /** Office id for prosecutors, partner id for partner_admins and mediators; null for services. */
  org: string | null;
  name: string;
}

export class InvalidClaims extends Error {}

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * Reads a Principal from verified claims. An unknown role is refused outright (401) rather
 * than mapped to "no permissions": a token we cannot classify was not issued for this platform.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, role, org, name } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidClaims('token has no subject');
  if (!isRole(role)) throw new InvalidClaims('token carries no known role');
  if (org !== undefined && org !== null && typeof org !== 'string') throw new InvalidClaims('token organisation is malformed');
  return { sub, role, org: org ?? null, name: typeof name === 'string' && name.length > 0 ? name : sub };
}

/** The actor recorded in event envelopes for what this principal did. */
export function actorOf(principal: Principal): Actor {
  return { sub: principal.sub, role: principal.role, org: principal.org };
}

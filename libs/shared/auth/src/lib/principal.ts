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

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Roles that act for one organisation: an office (prosecutor) or a partner (the other two). */
export const ROLES_WITH_ORGANISATION: readonly Role[] = ['prosecutor', 'partner_admin', 'mediator'];

/** True when a token of this role is meaningless without `org`: it would act for nobody. */
export const roleNeedsOrganisation = (role: Role): boolean => ROLES_WITH_ORGANISATION.includes(role);

/**
 * Reads a Principal from verified claims. An unknown role is refused outright (401) rather
 * than mapped to "no permissions": a token we cannot classify was not issued for this platform.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, role, org, name } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidClaims('token has no subject');
  if (!isRole(role)) throw new InvalidClaims('token carries no known role');
  if (org !== undefined && org !== null && typeof org !== 'string')
    throw new InvalidClaims('token organisation is malformed');
  // Refused here, for every route, rather than left to each query to come back empty.
  if (roleNeedsOrganisation(role) && (typeof org !== 'string' || org.length === 0))
    throw new InvalidClaims(`a ${role} token must name an organisation`);
  // A service is the client it authenticated as: our development provider makes that the
  // `sub` too, but Keycloak gives service accounts an opaque user id there and the client id
  // in `client_id`, which the key store's allow-list needs.
  const subject =
    role === 'service' && typeof claims['client_id'] === 'string' && claims['client_id'].length > 0
      ? claims['client_id']
      : sub;
  return { sub: subject, role, org: org ?? null, name: typeof name === 'string' && name.length > 0 ? name : subject };
}

/** The actor recorded in event envelopes for what this principal did. */
export function actorOf(principal: Principal): Actor {
  return { sub: principal.sub, role: principal.role, org: principal.org };
}

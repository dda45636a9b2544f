import type { Principal } from './principal';

/**
 * The service a `service` principal is, from its subject: the identity provider issues a
 * service's client-credentials token with `sub` = its client id (`mediation-scheduling`);
 * tokens minted in tests carry `system:<service>`, the actor name of a service's own events.
 * Undefined for anyone who is not a service.
 */
export function serviceNameOf(principal: Pick<Principal, 'sub' | 'role'>): string | undefined {
  if (principal.role !== 'service') return undefined;
  const name = principal.sub.startsWith('system:') ? principal.sub.slice('system:'.length) : principal.sub;
  return /^[a-z][a-z0-9-]{0,62}$/.test(name) ? name : undefined;
}

/** True when the principal is one of the named services (and a service at all). */
export function isOneOfServices(principal: Pick<Principal, 'sub' | 'role'>, allowed: readonly string[]): boolean {
  const name = serviceNameOf(principal);
  return name !== undefined && allowed.includes(name);
}

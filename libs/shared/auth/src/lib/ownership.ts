import { NotFound } from '@rj/shared/contracts';
import type { Principal } from './principal';

/** True when the object belongs to the caller's organisation. A principal without one owns nothing. */
export function isOwnedBy(principal: Pick<Principal, 'org'>, orgId: string | null | undefined): boolean {
  return principal.org !== null && orgId !== null && orgId !== undefined && principal.org === orgId;
}

/**
 * Throws NotFound when the object belongs to another organisation: api.md answers 404, never
 * 403, so a caller cannot learn that another office's referral exists. Roles that see every
 * organisation (auditor, admin) are the caller's decision, made before calling this.
 */
export function assertOwnedBy(
  principal: Pick<Principal, 'org'>,
  orgId: string | null | undefined,
  message = 'Not found',
): void {
  if (!isOwnedBy(principal, orgId)) throw new NotFound(message);
}

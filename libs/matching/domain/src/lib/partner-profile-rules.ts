import { Forbidden, RuleViolation, type Role } from '@rj/shared/contracts';

/** Every field of a partner's profile that an edit may change. */
export const PARTNER_PROFILE_FIELDS = [
  'name',
  'jurisdictions',
  'offenseCategories',
  'languages',
  'servesMinors',
  'capacity',
  'responseHours',
  'specialties',
  'active',
  'contact',
] as const;
export type PartnerProfileField = (typeof PARTNER_PROFILE_FIELDS)[number];

/**
 * What a partner's own admin keeps up to date: how much it can take and how it works. Its name,
 * area, offence categories and whether it serves minors are what the platform admin registered
 * it for, and stay with the admin. So do its `specialties`: they alone decide who receives the
 * domestic-violence and sexual-offence referrals an admin overrode, so only an admin grants
 * specialist status (a partner cannot make itself a specialist).
 */
export const PARTNER_ADMIN_EDITABLE_FIELDS: readonly PartnerProfileField[] = [
  'capacity',
  'languages',
  'active',
  'responseHours',
  'contact',
];

/**
 * Refuses (403, the API's answer to a field a role may never set) a change to fields the
 * caller's role may not edit, naming them in `fields` and in a sentence.
 */
export function assertProfileChangeAllowed(role: Role, fields: readonly string[]): void {
  if (role === 'admin') return;
  if (role !== 'partner_admin') throw new Forbidden(`a ${role} does not edit partner profiles`);
  const refused = fields.filter((field) => !(PARTNER_ADMIN_EDITABLE_FIELDS as readonly string[]).includes(field));
  if (!refused.length) return;
  const specialistSentence = refused.includes('specialties') ? ' Only an admin grants specialist status.' : '';
  throw new Forbidden(`a partner_admin may not change ${refused.join(', ')}.${specialistSentence}`, {
    fields: refused,
  });
}

/**
 * An admin's deactivation holds until an admin lifts it: the partner's own admin may pause and
 * resume its partner (`active`), but not undo a deactivation the platform admin decided.
 */
export function assertActivationAllowed(role: Role, activating: boolean, deactivatedByAdmin: boolean): void {
  if (role === 'admin' || !activating || !deactivatedByAdmin) return;
  throw new Forbidden('An admin deactivated this partner; only an admin can activate it again.', {
    fields: ['active'],
  });
}

/**
 * A deactivated (or paused) partner receives no new offers (hard constraint `inactive`), and
 * takes no new case from an offer made before: accepting one is refused; it expires or is
 * declined, and the referral moves on.
 */
export function assertPartnerActive(partner: { active: boolean }): void {
  if (!partner.active)
    throw new RuleViolation('partner_inactive', 'This partner is not active, so it cannot accept new cases.');
}

import { Forbidden, type Role } from '@rj/shared/contracts';

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
 * it for, and stay with the admin.
 */
export const PARTNER_ADMIN_EDITABLE_FIELDS: readonly PartnerProfileField[] = ['capacity', 'languages', 'specialties', 'active', 'responseHours', 'contact'];

/** Refuses (403) a change to fields the caller's role may never edit, naming them. */
export function assertProfileChangeAllowed(role: Role, fields: readonly string[]): void {
  if (role === 'admin') return;
  if (role !== 'partner_admin') throw new Forbidden(`a ${role} does not edit partner profiles`);
  const refused = fields.filter((field) => !(PARTNER_ADMIN_EDITABLE_FIELDS as readonly string[]).includes(field));
  if (refused.length) throw new Forbidden(`a partner_admin may not change ${refused.join(', ')}`, { fields: refused });
}

/**
 * The thresholds of disclosure control (product.md, Additions decided in 2026-12: published
 * figures). Signed-in readers (prosecutors, administrators, auditors) see internal figures;
 * anyone sees public ones, which rest on larger numbers and are rounded so that two public
 * tables cannot be subtracted to an exact small number.
 */
export const INTERNAL_MINIMUM = 5;
export const PUBLIC_MINIMUM = 10;
export const PUBLIC_ROUNDING_BASE = 5;
/** A money total needs this many contributors (agreements that paid) … */
export const MONEY_MINIMUM_CONTRIBUTORS = 3;
/** … and no one contributor may make up more than this share of it. */
export const MONEY_MAXIMUM_SHARE = 0.5;

export type Audience = 'internal' | 'public';

export function minimumFor(audience: Audience): number {
  return audience === 'public' ? PUBLIC_MINIMUM : INTERNAL_MINIMUM;
}

import type { ConsentPurpose } from '@rj/shared/contracts';

/** A participant's latest decision for one purpose, their own or their guardian's. */
export interface LatestConsent {
  participantId: string;
  purpose: ConsentPurpose;
  byGuardian: boolean;
  decision: string;
}

/**
 * A participant consents to a purpose when their own latest decision is `given` and, where a
 * guardian decided too (a minor), the guardian's latest is `given` as well (product.md: a
 * guardian consents with a minor). A withdrawal wins: consent is withdrawable at any time.
 */
export function hasConsented(
  consents: readonly LatestConsent[],
  participantId: string,
  purpose: ConsentPurpose,
): boolean {
  const own = consents.filter((c) => c.participantId === participantId && c.purpose === purpose);
  const self = own.find((c) => !c.byGuardian);
  const guardian = own.find((c) => c.byGuardian);
  return self?.decision === 'given' && (guardian === undefined || guardian.decision === 'given');
}

/** Term details go to the prosecutor only if every party consented to sharing (api.md; R16). */
export function everyPartyConsented(
  consents: readonly LatestConsent[],
  participantIds: readonly string[],
  purpose: ConsentPurpose,
): boolean {
  return participantIds.length > 0 && participantIds.every((id) => hasConsented(consents, id, purpose));
}

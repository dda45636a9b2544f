import { RuleViolation, type ConsentDecision, type ConsentPurpose } from '@rj/shared/contracts';
import type { ParticipantState } from './case-state';

/**
 * Consent per purpose, informed, withdrawable at any time (product.md, Voluntary, informed
 * consent; domain-research R1–R5). Declining and withdrawing are recorded as such: a decline is
 * a "no" to something not given, a withdrawal takes back what was given.
 * Giving again what is given is allowed: consent is refreshed over time (R3).
 */
export function assertConsentAllowed(
  participant: ParticipantState,
  purpose: ConsentPurpose,
  decision: ConsentDecision,
  byGuardian: boolean,
): void {
  if (byGuardian && !participant.minor) {
    throw new RuleViolation('guardian_consent_minor_only', 'only a minor participant has a guardian who consents');
  }
  // R4: participation consent is informed consent. Declining or withdrawing needs no pack: a
  // "no" is always open to a participant.
  if (purpose === 'participation' && decision === 'given' && participant.informationRecorded === null) {
    throw new RuleViolation(
      'consent_needs_information',
      'participation consent needs the information given recorded first',
    );
  }
  const current = (byGuardian ? participant.guardianConsents : participant.consents)[purpose];
  if (decision === 'withdrawn' && current !== 'given') {
    throw new RuleViolation(
      'consent_not_given',
      'only a consent that was given can be withdrawn; record a decline instead',
    );
  }
  if (decision === 'declined' && current === 'given') {
    throw new RuleViolation(
      'consent_already_given',
      'a consent that was given is taken back by a withdrawal, recorded as such',
    );
  }
}

export interface ConsentEffect {
  readonly cancelFutureSessions: boolean;
  readonly cancelReminders: boolean;
  readonly putOnHold: boolean;
  readonly holdReason: 'participation_withdrawn' | null;
}

const NO_EFFECT: ConsentEffect = Object.freeze({
  cancelFutureSessions: false,
  cancelReminders: false,
  putOnHold: false,
  holdReason: null,
});
const WITHDRAWAL: ConsentEffect = Object.freeze({
  cancelFutureSessions: true,
  cancelReminders: true,
  putOnHold: true,
  holdReason: 'participation_withdrawn',
});

/**
 * A participation withdrawal (the participant's or a minor's guardian's) "stops scheduling at
 * once and cancels reminders" and puts the case on hold; it does not return the case by itself
 * (product.md, Voluntary consent and Report back; R2).
 */
export function consentEffect(purpose: ConsentPurpose, decision: ConsentDecision): ConsentEffect {
  return purpose === 'participation' && decision === 'withdrawn' ? WITHDRAWAL : NO_EFFECT;
}

/** A consent counts when the participant gave it and, for a minor, the guardian too (R5). */
export function hasEffectiveConsent(participant: ParticipantState, purpose: ConsentPurpose): boolean {
  if (participant.consents[purpose] !== 'given') return false;
  return !participant.minor || participant.guardianConsents[purpose] === 'given';
}

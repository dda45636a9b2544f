import type { ConsentDecision } from '../vocabulary';

export interface ReportParticipant {
  participantId: string;
  /** A minor's guardian consents too (product.md, Preparation: "a guardian consents with a minor"). */
  minor?: boolean;
}

/** One recorded consent decision, as consent.recorded carries it (purpose of any kind). */
export interface ConsentRecord {
  participantId: string;
  purpose: string;
  decision: ConsentDecision;
  byGuardian?: boolean;
  /** When it was recorded; records are ordered by it, ties keep their given order. */
  recordedAt?: string;
}

export const SHARE_OUTCOME_PURPOSE = 'share_outcome_with_referrer';

/**
 * product.md: term details go to the prosecutor "only where every party consented to sharing"
 * (research R16: sharing with the prosecution needs the consent of all parties). Consent is
 * withdrawable at any time, so the latest decision per participant counts, and a withdrawn or
 * declined one is no consent. A minor needs their own and their guardian's. No participants
 * known means nobody consented.
 */
export function everyPartyConsentedToSharing(
  participants: readonly ReportParticipant[],
  consents: readonly ConsentRecord[],
): boolean {
  if (participants.length === 0) return false;
  return participants.every(
    (participant) =>
      latestGiven(consents, participant.participantId, false) &&
      (!participant.minor || latestGiven(consents, participant.participantId, true)),
  );
}

function latestGiven(consents: readonly ConsentRecord[], participantId: string, byGuardian: boolean): boolean {
  const own = consents
    .map((consent, index) => ({ consent, index }))
    .filter(({ consent }) => consent.participantId === participantId && consent.purpose === SHARE_OUTCOME_PURPOSE)
    .filter(({ consent }) => (consent.byGuardian ?? false) === byGuardian)
    .sort((a, b) => compareTimes(a.consent.recordedAt, b.consent.recordedAt) || a.index - b.index);
  return own.length > 0 && own[own.length - 1].consent.decision === 'given';
}

function compareTimes(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined || a === b) return 0;
  return Date.parse(a) - Date.parse(b);
}

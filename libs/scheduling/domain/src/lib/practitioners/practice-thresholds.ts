/**
 * The thresholds the assignment rules apply, per jurisdiction (issue 22): configurable,
 * because the standards differ. The defaults follow the sources in domain-research.md, R10:
 * Nebraska's 30 hours of basic mediation training plus restorative-justice training; the RJC
 * Practitioner Code's case supervision at least every 12 weeks; the first three cases as
 * co-facilitator. A jurisdiction without its own thresholds uses these.
 */
export interface PracticeThresholds {
  /** A jurisdiction code, or '*' for the platform default. */
  readonly jurisdiction: string;
  /** Hours of verified, unexpired basic mediation training, summed over courses. */
  readonly minBasicMediationHours: number;
  /** Hours of verified, unexpired restorative-justice training, summed over courses (at least one course). */
  readonly minRestorativeJusticeHours: number;
  /** Longest time between supervision sessions (RJC: 12 weeks). */
  readonly supervisionIntervalDays: number;
  /** Days after the due date during which a mediator may still be proposed. */
  readonly supervisionGraceDays: number;
  /** Open cases a mediator may carry; a new proposal needs one fewer than this. */
  readonly caseloadCap: number;
  /** Cases done as co-facilitator before a mediator may lead (be the first on a case). */
  readonly coFacilitatedCasesBeforeLead: number;
  /** The IANA time zone whose calendar day an expiry date runs through. */
  readonly timeZone: string;
}

export const DEFAULT_PRACTICE_THRESHOLDS: PracticeThresholds = Object.freeze({
  jurisdiction: '*',
  minBasicMediationHours: 30,
  minRestorativeJusticeHours: 1,
  supervisionIntervalDays: 84,
  supervisionGraceDays: 14,
  caseloadCap: 12,
  coFacilitatedCasesBeforeLead: 3,
  timeZone: 'Europe/Amsterdam',
});

/** The jurisdiction's own thresholds where it has them; otherwise the defaults under its code. */
export function thresholdsFor(jurisdiction: string | null, own: PracticeThresholds | undefined): PracticeThresholds {
  if (own) return own;
  return { ...DEFAULT_PRACTICE_THRESHOLDS, jurisdiction: jurisdiction ?? '*' };
}

/** Whether `zone` names a time zone this runtime knows (a threshold must not break every proposal). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

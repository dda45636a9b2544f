import { parsePeriod, periodHasEnded, type CalendarPeriod, type PeriodKind } from '../disclosure/calendar-periods';
import { PUBLIC_MINIMUM } from '../disclosure/thresholds';

/**
 * When a jurisdiction's figures may be published (product.md 2026-12, Published figures). An
 * office opts its jurisdiction in; whatever it chooses, the platform's own minimum applies:
 * only periods that have ended (a published figure is frozen, so it must be final), only
 * quarters and years, and a small jurisdiction only yearly — a quarter of a small
 * jurisdiction would be mostly withheld cells, and what is left could point at a person.
 */

/** Fewer referrals than this in the year before makes a jurisdiction small. */
export const SMALL_JURISDICTION_REFERRALS_PER_YEAR = 100;

export function isSmallJurisdiction(referralsInYearBefore: number): boolean {
  return referralsInYearBefore < SMALL_JURISDICTION_REFERRALS_PER_YEAR;
}

export function publicPeriodKinds(small: boolean): PeriodKind[] {
  return small ? ['year'] : ['quarter', 'year'];
}

export type PublicationRefusal =
  'not_a_period' | 'not_ended' | 'too_fine_for_a_small_jurisdiction' | 'months_are_not_published';

/** Why a period may not be published, or null when it may. */
export function publicationRefusal(periodText: string, today: string, small: boolean): PublicationRefusal | null {
  const period = parsePeriod(periodText);
  if (!period) return 'not_a_period';
  if (period.kind === 'month') return 'months_are_not_published';
  if (!publicPeriodKinds(small).includes(period.kind)) return 'too_fine_for_a_small_jurisdiction';
  if (!periodHasEnded(period, today)) return 'not_ended';
  return null;
}

/** A period's report says only that there were too few referrals when it had fewer than the public minimum. */
export function tooFewToPublish(referred: number): boolean {
  return referred < PUBLIC_MINIMUM;
}

export function yearOf(period: CalendarPeriod): CalendarPeriod {
  return { kind: 'year', year: period.year, index: 0 };
}

import { fromMinorUnits } from '../money';
import { fromHundredths } from '../terms/hours';
import { count, medianOfMiddles, rate, total, type CountFigure, type RateFigure, type TotalFigure } from './figures';
import type { OutcomeFigures } from './outcome-figures';
import { REOFFENCE_OFFSETS_MONTHS } from './reoffence-rate';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressSmallCounts } from './small-count-suppression';

/** The two middle values of a sorted set of n observations (null when n is 0). */
export interface MiddleValues {
  n: number;
  lowerMiddle: number | null;
  upperMiddle: number | null;
}

export interface RestitutionTally {
  currency: string;
  /** Agreements with at least one restitution term in this currency. */
  agreements: number;
  agreedMinor: bigint;
  paidMinor: bigint;
}

/**
 * What the database counts for the figures of one filter, each tally exactly the numerator,
 * denominator or observations a metric's `compute` (METRIC_DEFINITIONS) would take from the
 * fact records of the same scope: an office's history is counted where it is stored instead of
 * being loaded to be counted (issue 15). The int spec `metrics-tallies.int-spec.ts` keeps the
 * two equal on the same rows.
 */
export interface OutcomeTallies {
  referralsByStatus: Record<string, number>;
  referralsBySource: Record<string, number>;
  casesOpened: number;
  casesEveryPartyConsented: number;
  concludedAfterDialogue: number;
  agreedAfterDialogue: number;
  agreementsInFinalState: number;
  agreementsCompleted: number;
  restitution: readonly RestitutionTally[];
  communityService: { agreements: number; hoursHundredths: number; hoursDoneHundredths: number };
  /** Days (or, for partner response, hours) observations of each median, by figure id. */
  medians: Record<'daysToFirstContact' | 'daysToAcceptance' | 'daysToDialogue' | 'partnerResponseHours', MiddleValues>;
  /** Follow-ups answered (yes or no) and those answered yes, by months after completion. */
  followUpsAnswered: Record<number, { answered: number; reoffended: number }>;
  declinedByReason: Record<string, number>;
}

const byCode = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));

const counts = (tally: Record<string, number>): Record<string, CountFigure> =>
  byCode(Object.entries(tally).map(([code, n]): [string, CountFigure] => [code, count(n)]));

function money(restitution: readonly RestitutionTally[], pick: (tally: RestitutionTally) => bigint) {
  return byCode(
    restitution.map((tally): [string, TotalFigure<string>] => [
      tally.currency,
      total(fromMinorUnits(pick(tally), tally.currency).amount, tally.agreements),
    ]),
  );
}

function medianOf({ n, lowerMiddle, upperMiddle }: MiddleValues) {
  return medianOfMiddles(n, lowerMiddle, upperMiddle, 1);
}

/** The figures `computeOutcomeFigures` gives for the same scope, built from the database's tallies. */
export function outcomeFiguresFromTallies(
  tallies: OutcomeTallies,
  options: { suppressBelow?: number } = {},
): OutcomeFigures {
  const reoffenceRate: Record<string, RateFigure> = {};
  for (const months of REOFFENCE_OFFSETS_MONTHS) {
    const { answered, reoffended } = tallies.followUpsAnswered[months] ?? { answered: 0, reoffended: 0 };
    reoffenceRate[`${months}m`] = rate(reoffended, answered);
  }
  const figures: OutcomeFigures = {
    referralsByStatus: counts(tallies.referralsByStatus),
    referralsBySource: counts(tallies.referralsBySource),
    participationRate: rate(tallies.casesEveryPartyConsented, tallies.casesOpened),
    agreementRate: rate(tallies.agreedAfterDialogue, tallies.concludedAfterDialogue),
    completionRate: rate(tallies.agreementsCompleted, tallies.agreementsInFinalState),
    restitutionAgreed: money(tallies.restitution, (tally) => tally.agreedMinor),
    restitutionPaid: money(tallies.restitution, (tally) => tally.paidMinor),
    communityServiceHoursAgreed: total(
      fromHundredths(tallies.communityService.hoursHundredths),
      tallies.communityService.agreements,
    ),
    communityServiceHoursDone: total(
      fromHundredths(tallies.communityService.hoursDoneHundredths),
      tallies.communityService.agreements,
    ),
    daysToFirstContact: medianOf(tallies.medians.daysToFirstContact),
    daysToAcceptance: medianOf(tallies.medians.daysToAcceptance),
    daysToDialogue: medianOf(tallies.medians.daysToDialogue),
    reoffenceRate,
    partnerResponseHours: medianOf(tallies.medians.partnerResponseHours),
    declineReasons: counts(tallies.declinedByReason),
  };
  return suppressSmallCounts(figures, options.suppressBelow ?? DEFAULT_SUPPRESSION_THRESHOLD);
}

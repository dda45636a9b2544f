import { addDays, type LocalDate } from './local-day';

export interface RecordDates {
  /** The day it happened: obtained, checked or held, with the field that holds it. */
  readonly happened: { readonly field: string; readonly day: LocalDate };
  /** The last day it counts, if it expires. */
  readonly expiresOn?: LocalDate | null;
}

export interface RecordDateProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A practice record tells what has happened (issue 22): a supervision session recorded ahead
 * would hold the supervision clock off for months, a course dated tomorrow would count today.
 * `today` is the platform's reference day; a day's leeway lets a partner east of it record
 * what happened on its own today. An expiry before the day it was obtained is a typing slip.
 */
export function recordDateProblems(dates: RecordDates, today: LocalDate): RecordDateProblem[] {
  const problems: RecordDateProblem[] = [];
  if (dates.happened.day > addDays(today, 1)) {
    problems.push({
      field: dates.happened.field,
      message: 'must be today or earlier: record it once it has happened',
    });
  }
  if (dates.expiresOn && dates.expiresOn < dates.happened.day) {
    problems.push({ field: 'expiresOn', message: 'must not be before the day it was obtained or checked' });
  }
  return problems;
}

import { compareDates, type IsoDate } from '../calendar-date';
import type { Term } from './term';

/** An agreement with no terms is not "fulfilled": there is nothing to report as completed. */
export function allTermsFulfilled(terms: readonly Term[]): boolean {
  return terms.length > 0 && terms.every((term) => term.fulfilled);
}

/**
 * Terms that just became overdue: not fulfilled, due before today, and not yet flagged for
 * this due date — so a daily scan raises `term.overdue` once, not every day (product.md step
 * 7: overdue terms raise reminders, without pressure piling up on the parties).
 */
export function overdueTerms<T extends Term>(terms: readonly T[], today: IsoDate): T[] {
  return terms.filter((term) => !term.fulfilled && !term.overdueFlagged && compareDates(term.dueBy, today) < 0);
}

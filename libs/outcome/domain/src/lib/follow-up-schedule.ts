import { addMonths, type IsoDate } from './calendar-date';

export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [6, 12, 24];

export interface FollowUpDue {
  offsetMonths: number;
  dueOn: IsoDate;
}

/**
 * Due dates of the re-offence follow-ups (product.md step 9; domain research M9: 6, 12 and 24
 * months), counted from the day the case completed, end-of-month safe.
 */
export function followUpSchedule(
  completedOn: IsoDate,
  offsetsMonths: readonly number[] = DEFAULT_FOLLOW_UP_MONTHS,
): FollowUpDue[] {
  return offsetsMonths.map((offsetMonths) => {
    if (!Number.isInteger(offsetMonths) || offsetMonths <= 0)
      throw new RangeError(`follow-up offset must be a positive whole number of months: ${offsetMonths}`);
    return { offsetMonths, dueOn: addMonths(completedOn, offsetMonths) };
  });
}

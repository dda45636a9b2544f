import { childPeriods, formatPeriod, parsePeriod, type CalendarPeriod } from '../disclosure/calendar-periods';
import { suppressLinkedCells, type Equation } from '../disclosure/linked-cells';
import { INTERNAL_MINIMUM } from '../disclosure/thresholds';
import { equityPeriodFamily } from './equity-figures';

/**
 * Cases an office found eligible for restorative justice but did not refer (issue 20, Equity of
 * access; domain research M1, the referral rate): the office supplies a count per calendar
 * month, since the platform only ever sees the cases that were referred.
 */
export interface EligibleNotReferredRecord {
  officeId: string;
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

export interface EligibleNotReferredFigures {
  period: string;
  minimum: number;
  /** Offices that supplied a count for any month of the period's year. */
  officesSupplying: number;
  /** The sum over those offices; null when withheld or when none supplied a count for the period. */
  total: number | null;
  /** `supplied: false` where the office gave no count for any month of the period. */
  byOffice: { officeId: string; supplied: boolean; count: number | null }[];
}

/** A month a count may be supplied for: one that has begun. */
export function monthMayBeSupplied(month: string, today: string): boolean {
  const period = parsePeriod(month);
  return period !== null && period.kind === 'month' && month <= today.slice(0, 7);
}

const cell = (period: string, office: string) => `${period}|${office}`;
const TOTAL = '*';

/**
 * The counts supplied for one fixed calendar period, by office and in total, with the internal
 * rules: a cell under the minimum is withheld, zero included; offices add up to the total and
 * months to their quarter and quarters to their year, so the whole year around the period is
 * suppressed together and no answer for another period of it subtracts to a withheld cell.
 * A cell no office supplied a count for is no count of cases but a known absence: it adds
 * nothing to the sums and is never withheld (a zero an office did supply is withheld).
 */
export function computeEligibleNotReferred(
  records: readonly EligibleNotReferredRecord[],
  period: CalendarPeriod,
  today: string,
  minimum = INTERNAL_MINIMUM,
): EligibleNotReferredFigures {
  const family = equityPeriodFamily(period, today);
  const names = family.map(formatPeriod);
  const ofYear = records.filter((record) => record.month.startsWith(`${period.year}-`));
  const offices = [...new Set(ofYear.map((record) => record.officeId))].sort();

  const values = new Map<string, number>();
  const supplied = new Set<string>();
  const valueOf = (id: string) => values.get(id) ?? 0;
  for (const name of names) for (const office of [TOTAL, ...offices]) values.set(cell(name, office), 0);
  for (const record of ofYear) {
    const quarter = `${period.year}-Q${Math.ceil(Number(record.month.slice(5, 7)) / 3)}`;
    for (const name of [String(period.year), quarter, record.month].filter((n) => names.includes(n)))
      for (const office of [TOTAL, record.officeId]) {
        const id = cell(name, office);
        values.set(id, valueOf(id) + record.count);
        supplied.add(id);
      }
  }

  const equations: Equation[] = names.map((name) => ({
    total: cell(name, TOTAL),
    parts: offices.map((office) => cell(name, office)),
  }));
  for (const parent of family) {
    const children = childPeriods(parent)
      .map(formatPeriod)
      .filter((child) => names.includes(child));
    if (children.length)
      for (const office of [TOTAL, ...offices])
        equations.push({ total: cell(formatPeriod(parent), office), parts: children.map((c) => cell(c, office)) });
  }
  const withheld = new Set([...supplied].filter((id) => valueOf(id) < minimum));
  const notSupplied = new Set([...values.keys()].filter((id) => !supplied.has(id)));
  const hidden = suppressLinkedCells({ values, equations, withheld, minimum, fixed: notSupplied });

  const requested = formatPeriod(period);
  const shown = (office: string) => {
    const id = cell(requested, office);
    return supplied.has(id) && !hidden.has(id) ? valueOf(id) : null;
  };
  return {
    period: requested,
    minimum,
    officesSupplying: offices.length,
    total: shown(TOTAL),
    byOffice: offices.map((officeId) => ({
      officeId,
      supplied: supplied.has(cell(requested, officeId)),
      count: shown(officeId),
    })),
  };
}

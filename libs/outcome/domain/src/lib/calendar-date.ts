/**
 * Date arithmetic on `YYYY-MM-DD` strings (api.md: dates are plain dates). Plain dates have no
 * time zone, so everything here is done in UTC on the calendar fields: a due date never moves
 * by a day because a server runs in another zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fields(date: IsoDate): [number, number, number] | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && fields(value) !== null;
}

function parse(date: IsoDate): [number, number, number] {
  const parsed = fields(date);
  if (!parsed) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return parsed;
}

/**
 * Adds calendar months, clamping to the last day of the target month: 2025-08-31 + 6 months is
 * 2026-02-28, never 2026-03-03 (the overflow JavaScript's Date would produce).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Lexical order equals calendar order for valid `YYYY-MM-DD` strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  parse(a);
  parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The UTC calendar date of an instant (`2026-03-01T23:30:00Z` → `2026-03-01`). */
export function dateOfInstant(instant: string | Date): IsoDate {
  const time = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(time)) throw new RangeError(`not an ISO 8601 instant: ${JSON.stringify(instant)}`);
  return new Date(time).toISOString().slice(0, 10);
}

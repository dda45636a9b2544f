import type { Equation } from './linked-cells';

/**
 * Fixed calendar periods (product.md 2026-12: public, equity and feedback figures come for
 * fixed calendar periods only): a year `2026`, a quarter `2026-Q3`, a month `2026-07`. Figures
 * belong to the period their referral was submitted in (UTC date), as docs/metrics.md says.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface CalendarPeriod {
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or month 1–12; 0 for a year. */
  index: number;
}

const PATTERNS: [PeriodKind, RegExp][] = [
  ['year', /^(\d{4})$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['month', /^(\d{4})-(0[1-9]|1[0-2])$/],
];

export function parsePeriod(text: string): CalendarPeriod | null {
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { kind, year: Number(match[1]), index: kind === 'year' ? 0 : Number(match[2]) };
  }
  return null;
}

export function isPeriod(text: unknown): text is string {
  return typeof text === 'string' && parsePeriod(text) !== null;
}

export function formatPeriod(period: CalendarPeriod): string {
  if (period.kind === 'year') return String(period.year);
  if (period.kind === 'quarter') return `${period.year}-Q${period.index}`;
  return `${period.year}-${String(period.index).padStart(2, '0')}`;
}

function firstMonth(period: CalendarPeriod): number {
  return period.kind === 'year' ? 1 : period.kind === 'quarter' ? (period.index - 1) * 3 + 1 : period.index;
}

function monthCount(period: CalendarPeriod): number {
  return period.kind === 'year' ? 12 : period.kind === 'quarter' ? 3 : 1;
}

/** Inclusive first and last calendar dates. */
export function periodBounds(period: CalendarPeriod): { from: string; to: string } {
  const start = firstMonth(period);
  const end = start + monthCount(period) - 1;
  const lastDay = new Date(Date.UTC(period.year, end, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${period.year}-${pad(start)}-01`, to: `${period.year}-${pad(end)}-${pad(lastDay)}` };
}

/** The period a date (`YYYY-MM-DD`) falls in, at the given granularity. */
export function periodOfDate(date: string, kind: PeriodKind): CalendarPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { kind, year, index: kind === 'year' ? 0 : kind === 'quarter' ? Math.ceil(month / 3) : month };
}

/** A period's figures are final only once it has ended: the day after its last day. */
export function periodHasEnded(period: CalendarPeriod, today: string): boolean {
  return today > periodBounds(period).to;
}

/** The quarters of a year, the months of a quarter; a month has none. */
export function childPeriods(period: CalendarPeriod): CalendarPeriod[] {
  if (period.kind === 'year') return [1, 2, 3, 4].map((index) => ({ kind: 'quarter', year: period.year, index }));
  if (period.kind === 'quarter')
    return [0, 1, 2].map((i) => ({ kind: 'month', year: period.year, index: firstMonth(period) + i }));
  return [];
}

/**
 * Periods: months add up to their quarter, quarters to their year. For each period given that
 * has shorter periods in it, the equation linking it to all of them — every one, published or
 * not: a year shown beside three of its quarters gives the fourth away, so the caller must
 * supply a value for each (and withhold it when small).
 */
export function periodEquations(periods: readonly string[], cellOf: (period: string) => string = (p) => p): Equation[] {
  return periods.flatMap((text) => {
    const period = parsePeriod(text);
    if (!period) throw new RangeError(`not a calendar period: ${text}`);
    const children = childPeriods(period).map(formatPeriod);
    return children.length ? [{ total: cellOf(text), parts: children.map(cellOf) }] : [];
  });
}

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week a `YYYY-MM-DD` falls in, or of this week when it is missing or unreadable. */
export function weekStart(value: unknown, now: Date = new Date()): Date {
  const parsed = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : now;
  const day = Number.isNaN(parsed.getTime()) ? now : parsed;
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** The seven days of the week from its Monday, each with the sessions that start on it. */
export function daysOf<T extends { startsAt: string }>(monday: Date, sessions: T[]): { date: string; sessions: T[] }[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = new Date(monday.getTime() + index * DAY_MS).toISOString().slice(0, 10);
    return { date, sessions: sessions.filter((session) => session.startsAt.slice(0, 10) === date) };
  });
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** The first day (UTC) of the month a `YYYY-MM` names, or of this month when it is missing or unreadable. */
export function monthStart(value: unknown, now: Date = new Date()): Date {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  const month = match ? Number(match[2]) - 1 : -1;
  if (match && month >= 0 && month <= 11) return new Date(Date.UTC(Number(match[1]), month, 1));
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export const isoMonth = (date: Date) => date.toISOString().slice(0, 7);
export const addMonths = (date: Date, months: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));

/**
 * A month as a calendar: whole weeks from the Monday on or before the 1st to the Sunday on or
 * after the last day, each day with its sessions and whether it belongs to the month (days of
 * the weeks around it are shown empty, as on a paper calendar).
 */
export function monthGrid<T extends { startsAt: string }>(
  first: Date,
  sessions: T[],
): { date: string; inMonth: boolean; sessions: T[] }[][] {
  const month = first.getUTCMonth();
  const weeks: { date: string; inMonth: boolean; sessions: T[] }[][] = [];
  for (
    let monday = weekStart(isoDay(first));
    monday.getTime() < addMonths(first, 1).getTime();
    monday = addDays(monday, 7)
  ) {
    weeks.push(
      daysOf(monday, sessions).map((day) => {
        const inMonth = new Date(`${day.date}T00:00:00Z`).getUTCMonth() === month;
        return { date: day.date, inMonth, sessions: inMonth ? day.sessions : [] };
      }),
    );
  }
  return weeks;
}

import { instantOfLocal, localClockOf } from './local-time';

/** No message reaches a participant between 21:00 and 08:00 their local time (product.md, issue 21). */
export const QUIET_HOURS = { fromHour: 21, untilHour: 8 } as const;

export function isQuietHour(instant: Date, timeZone: string): boolean {
  const { hour } = localClockOf(instant, timeZone);
  return hour >= QUIET_HOURS.fromHour || hour < QUIET_HOURS.untilHour;
}

/**
 * When a message due at `instant` may go: at once outside quiet hours, else at the next 08:00
 * local. Deferred, never dropped: a reminder due at 23:00 goes at 08:00 the next morning.
 */
export function sendableFrom(instant: Date, timeZone: string): Date {
  if (!isQuietHour(instant, timeZone)) return instant;
  const local = localClockOf(instant, timeZone);
  // Before midnight the morning is tomorrow's; a calendar day later in UTC names it safely.
  const morning =
    local.hour >= QUIET_HOURS.fromHour
      ? localClockOf(new Date(Date.UTC(local.year, local.month - 1, local.day, 12) + 24 * 3600_000), 'UTC')
      : local;
  return instantOfLocal(
    { year: morning.year, month: morning.month, day: morning.day, hour: QUIET_HOURS.untilHour },
    timeZone,
  );
}

/**
 * Local time in an IANA time zone, from the runtime's own time-zone data (Intl): daylight-saving
 * changes are the zone's rules, never a fixed offset of ours.
 */
export interface LocalClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the zone ("America/Los_Angeles" yes, "PST" or "Mars/Base" no). */
export function isIanaTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || !/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(timeZone)) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localClockOf(instant: Date, timeZone: string): LocalClock {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The zone's offset from UTC at that instant, in minutes (Los Angeles: -480 in winter, -420 in summer). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const local = localClockOf(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a local wall-clock time names in the zone. A time the spring change skips (02:30
 * in Los Angeles on its March Sunday) is read with the offset before the change, so it lands
 * an hour later in the new time, as a clock set forward would show it.
 */
export function instantOfLocal(local: Omit<LocalClock, 'minute'> & { minute?: number }, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute ?? 0);
  const first = new Date(asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000);
  const second = new Date(asUtc - offsetMinutes(first, timeZone) * 60_000);
  const shown = localClockOf(second, timeZone);
  return shown.hour === local.hour && shown.minute === (local.minute ?? 0) ? second : first;
}

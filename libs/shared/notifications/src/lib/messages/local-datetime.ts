/**
 * A moment as a participant reads it: date, time and zone in their language and their zone
 * (Intl's time-zone data, so a date either side of a daylight-saving change shows its own time).
 */
export function localDateTime(
  instant: Date,
  language: string,
  timeZone: string,
): { date: string; time: string; zone: string } {
  const date = new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'full' }).format(instant);
  const time = new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const zone =
    new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return { date, time, zone };
}

/**
 * REMINDER_OFFSETS_MINUTES, e.g. "1440,120" (a day and two hours before): whole minutes, as
 * reminder.sent carries them, at most 60 days ahead. Returns the problem, or the offsets.
 */
export function parseReminderOffsets(text: string): { offsets: number[] } | { problem: string } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const offsets = parts.map(Number);
  if (offsets.some((offset) => !Number.isInteger(offset) || offset < 0 || offset > 60 * 24 * 60)) {
    return { problem: 'must be a comma-separated list of whole minutes between 0 and 86400' };
  }
  return { offsets: [...new Set(offsets)] };
}

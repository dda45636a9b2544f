export interface PlannedReminder {
  readonly offsetMinutes: number;
  readonly at: Date;
}

const MINUTE_MS = 60_000;

/**
 * When the reminders before a session go out (product.md, Dialogue): one per distinct offset,
 * earliest first, and only those still ahead: a reminder due in the past is never sent late.
 */
export function reminderTimes(startsAt: Date, offsetsMinutes: readonly number[], now: Date): PlannedReminder[] {
  const offsets = [...new Set(offsetsMinutes)].filter((offset) => Number.isFinite(offset) && offset >= 0);
  return offsets
    .map((offsetMinutes) => ({ offsetMinutes, at: new Date(startsAt.getTime() - offsetMinutes * MINUTE_MS) }))
    .filter((reminder) => reminder.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * A deterministic job id, so planning the same reminder twice queues it once. No `:` in it:
 * BullMQ refuses custom ids containing one. Pass `startsAt` so a rescheduled session's
 * reminders get new ids instead of colliding with the old (possibly retained) jobs.
 */
export function reminderJobId(
  sessionId: string,
  participantId: string,
  offsetMinutes: number,
  startsAt?: Date,
): string {
  const base = `reminder.${sessionId}.${participantId}.${offsetMinutes}m`;
  return startsAt === undefined ? base : `${base}.${startsAt.getTime()}`;
}

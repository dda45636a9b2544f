import { defineJob } from '@rj/shared/jobs';
import { reminderJobId } from '@rj/scheduling/domain';

/** Ids only (conventions.md): the session in Postgres says whether the reminder still stands. */
export type SessionReminderPayload = {
  sessionId: string;
  participantId: string;
  offsetMinutes: number;
  startsAtMs: number;
};

/**
 * One reminder to one participant before one session. The id holds the session's start, so a
 * rescheduled session's reminders never collide with the old ones; re-adding is a no-op.
 */
export const sessionReminderJob = defineJob<SessionReminderPayload>({
  name: 'session.reminder',
  queue: 'scheduling-reminders',
  options: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  jobId: (p) => reminderJobId(p.sessionId, p.participantId, p.offsetMinutes, new Date(p.startsAtMs)),
});

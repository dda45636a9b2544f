import { Logger } from '@nestjs/common';
import type { JobRunner } from '@rj/shared/jobs';
import { reminderTimes } from '@rj/scheduling/domain';
import { sessionReminderJob } from './session-reminder.job';

export interface RemindableSession {
  readonly id: string;
  readonly startsAt: Date;
  readonly participantIds: readonly string[];
}

/**
 * Adds and removes a session's reminder jobs. Called after the transaction committed
 * (`afterCommit` of @rj/shared/persistence, which logs a failure): a failure here never undoes a booking, and the sweep re-creates whatever did not get added.
 * A removal that fails is harmless too: the job finds its session cancelled or moved and
 * sends nothing.
 */
export class ReminderPlanner {
  private readonly logger = new Logger('ReminderPlanner');

  constructor(
    private readonly runner: JobRunner,
    private readonly offsetsMinutes: readonly number[],
  ) {}

  async plan(session: RemindableSession, now: Date): Promise<number> {
    let added = 0;
    for (const participantId of session.participantIds) {
      for (const reminder of reminderTimes(session.startsAt, this.offsetsMinutes, now)) {
        const payload = {
          sessionId: session.id,
          participantId,
          offsetMinutes: reminder.offsetMinutes,
          startsAtMs: session.startsAt.getTime(),
        };
        await this.runner.enqueue(sessionReminderJob, payload, { at: reminder.at });
        added += 1;
      }
    }
    return added;
  }

  async unplan(session: RemindableSession): Promise<void> {
    for (const participantId of session.participantIds) {
      for (const offsetMinutes of this.offsetsMinutes) {
        const payload = { sessionId: session.id, participantId, offsetMinutes, startsAtMs: session.startsAt.getTime() };
        await this.runner.remove(sessionReminderJob, payload).catch((error: Error) => {
          this.logger.warn(
            `reminder job of session ${session.id} not removed (${error.name}); it will find the session changed`,
          );
        });
      }
    }
  }

  async unplanAll(sessions: readonly RemindableSession[]): Promise<void> {
    await Promise.all(sessions.map((session) => this.unplan(session)));
  }

  /** Post-commit work must not turn a committed change into an error response. */
  async safely(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`reminder jobs not updated (${(error as Error).name}); the sweep will repair them`);
    }
  }
}

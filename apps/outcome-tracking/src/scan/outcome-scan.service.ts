import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobRunner } from '@rj/shared/jobs';
import { NotificationService } from '@rj/shared/notifications';
import { SERVICE_CONFIG } from '@rj/shared/service';
import { Clock } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { SurveyRemindersScanner } from '../feedback/survey-reminders.scanner';
import { DueFollowUpsScanner } from './due-follow-ups.scanner';
import { outcomeScanJob } from './outcome-scan.job';
import { OverdueTermsScanner } from './overdue-terms.scanner';

/**
 * Runs the scan on the injected clock's date, and (re)registers it as a repeatable job at
 * every start so a Redis loss loses nothing; the notification sweep re-adds unsent mail.
 */
@Injectable()
export class OutcomeScanService implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly clock: Clock,
    private readonly overdue: OverdueTermsScanner,
    private readonly followUps: DueFollowUpsScanner,
    private readonly surveyReminders: SurveyRemindersScanner,
    private readonly notifications: NotificationService,
    private readonly jobs: JobRunner,
    @Inject(SERVICE_CONFIG) private readonly config: OutcomeTrackingEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.registerRepeatable(outcomeScanJob, {}, { everyMs: this.config.OUTCOME_SCAN_EVERY_MS });
    await this.notifications.startSweep();
  }

  onApplicationShutdown(): void {
    this.notifications.stopSweep();
  }

  async scan(): Promise<{ overdue: number; followUpsDue: number; surveyReminders: number }> {
    const today = this.clock.today();
    const overdue = await this.overdue.scan(today);
    const followUps = await this.followUps.scan(today);
    const reminders = await this.surveyReminders.scan(this.clock.now());
    return { overdue: overdue.flagged, followUpsDue: followUps.due, surveyReminders: reminders.reminded };
  }
}

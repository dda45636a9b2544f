import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  feedbackReleaseBlocks,
  reminderWithheldBy,
  SURVEY_LINK_DAYS,
  SURVEY_REMINDER_AFTER_DAYS,
  surveyReminderDue,
  type FeedbackSurvey,
} from '@rj/outcome/domain';
import {
  CaseEntity,
  FeedbackInvitationEntity,
  ParticipantEntity,
  surveyReminderCandidates,
} from '@rj/outcome/data-access';
import { withTransaction } from '@rj/shared/persistence';
import { FeedbackService } from './feedback.service';
import { SurveyMailer } from './survey-mailer';
import { newSurveyToken, surveyTokenHash } from './survey-token';

const BATCH = 200;
const DAY = 86_400_000;

/**
 * The survey's one reminder (issue 20), from the outcome scan: a week after the invitation, to
 * someone who has not answered, unless something since withholds it (surveyReminderDue,
 * reminderWithheldBy). Each invitation's reminder is settled once — queued, or withheld for
 * good — under a row lock that a second pod skips, so a re-run or two pods never send two.
 */
@Injectable()
export class SurveyRemindersScanner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feedback: FeedbackService,
    private readonly mailer: SurveyMailer,
  ) {}

  async scan(now: Date): Promise<{ reminded: number }> {
    let reminded = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Candidates only: the rule is judged again under the lock.
      const window = {
        releasedBy: new Date(now.getTime() - SURVEY_REMINDER_AFTER_DAYS * DAY),
        releasedAfter: new Date(now.getTime() - SURVEY_LINK_DAYS * DAY),
      };
      const ids = await surveyReminderCandidates(this.dataSource, window, afterId, BATCH);
      for (const id of ids) {
        const mail = await withTransaction(this.dataSource, (manager) => this.settle(manager, id, now));
        if (mail) reminded += 1;
      }
      if (ids.length < BATCH) return { reminded };
      afterId = ids[ids.length - 1];
    }
  }

  /** Queues the reminder (returning its notification id) or records that it is withheld; null if not due. */
  private async settle(manager: EntityManager, id: string, now: Date): Promise<string | null> {
    const invitation = await manager.findOne(FeedbackInvitationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    const state = invitation && {
      releasedAt: invitation.releasedAt.toISOString(),
      usedAt: invitation.usedAt?.toISOString() ?? null,
      remindedAt: invitation.remindedAt?.toISOString() ?? null,
    };
    if (!invitation || !state || !surveyReminderDue(state, now)) return null;
    const participant = await manager.findOneByOrFail(ParticipantEntity, { id: invitation.participantId });
    const kase = await manager.findOneByOrFail(CaseEntity, { id: invitation.caseId });
    const facts = await this.feedback.facts(manager, kase, participant, invitation.survey as FeedbackSurvey);
    const withheld = reminderWithheldBy(feedbackReleaseBlocks(facts, now)).length > 0;
    const token = newSurveyToken();
    await manager.update(
      FeedbackInvitationEntity,
      { id },
      { remindedAt: now, reminderTokenHash: withheld ? null : surveyTokenHash(token) },
    );
    return withheld ? null : this.mailer.queue(manager, 'reminder', invitation, participant, token);
  }
}

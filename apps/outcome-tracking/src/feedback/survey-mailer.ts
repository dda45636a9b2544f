import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FeedbackInvitationEntity, ParticipantEntity } from '@rj/outcome/data-access';
import { NotificationService, renderParticipantMail } from '@rj/shared/notifications';
import { afterCommit } from '@rj/shared/persistence';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { participantMailSettings } from '../outcome/participant-mail-settings';

export type SurveyMailKind = 'invitation' | 'reminder';

/**
 * The one path every survey mail takes, the invitation and its reminder alike: the words from
 * the participants' catalogue in the invitation's language (the reminder opens by saying it is
 * the only one; both end with the "stop asking me" link), held through the participant's quiet
 * hours (their own zone, else their jurisdiction's), from the partner's display name only when
 * it reveals nothing. Queued in the caller's transaction and handed to the delivery queue once it
 * committed (afterCommit).
 */
@Injectable()
export class SurveyMailer {
  constructor(
    private readonly notifications: NotificationService,
    @Inject(SERVICE_CONFIG) private readonly config: OutcomeTrackingEnv,
  ) {}

  async queue(
    manager: EntityManager,
    kind: SurveyMailKind,
    invitation: FeedbackInvitationEntity,
    participant: ParticipantEntity,
    token: string,
  ): Promise<string> {
    const link = `${this.config.SURVEY_BASE_URL}/${token}`;
    const words = renderParticipantMail(invitation.language, `feedback.${kind}`, { link, stopLink: `${link}/stop` });
    // The address stays ciphertext; the delivery job decrypts it at send time. Nothing in the mail names the programme.
    const notificationId = await this.notifications.queueEmail(manager, {
      kind: `feedback.${kind}`,
      to: participant.email ?? '',
      encrypted: true,
      referralId: participant.referralId,
      ...words,
      ...(await participantMailSettings(manager, participant, invitation)),
    });
    afterCommit(manager, () => this.notifications.enqueue(notificationId));
    return notificationId;
  }
}

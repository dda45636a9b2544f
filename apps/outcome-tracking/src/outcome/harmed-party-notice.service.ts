import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasConsented, type LatestConsent } from '@rj/outcome/domain';
import { CaseEntity, ConsentEntity, ParticipantEntity, type ReferralEntity } from '@rj/outcome/data-access';
import { HarmedPartyInformed, type ConsentPurpose, type InformedResult } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { afterCommit } from '@rj/shared/persistence';
import {
  channelStillConfirmed,
  decideParticipantMail,
  lastChannelConfirmation,
  NotificationService,
  renderParticipantMail,
  safeEmailOf,
} from '@rj/shared/notifications';
import { Clock, SERVICE_CONFIG, type Cause } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { participantMailSettings } from './participant-mail-settings';

const KIND = 'outcome.harmed_party';

/**
 * Tells the person harmed whether the terms were kept (product.md step 8), only when their
 * latest `receive_outcome` decision is `given` (and their guardian's, for a minor) and only
 * by an e-mail address they marked safe and confirmed within SAFE_CHANNEL_CONFIRMATION_DAYS (with
 * a mediator, or as the referral carried it when the case opened): an address that was safe
 * once may not be safe months later. Otherwise the skip is recorded with its reason and nothing
 * is sent. The address stays ciphertext here; the delivery job decrypts it at send time. The
 * mail names nobody; the event names no address.
 *
 * As every participant's mail (issue 21): written from the catalogue in their language, and not
 * at all to someone who needs an interpreter in a language without one (`no_message_in_language`:
 * the notice stays owed and the mediator phones them); held through their quiet hours in their
 * own time zone, else their jurisdiction's; sent under the partner's name only when it is neutral.
 */
@Injectable()
export class HarmedPartyNoticeService {
  constructor(
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<OutcomeTrackingEnv, 'SAFE_CHANNEL_CONFIRMATION_DAYS'>,
  ) {}

  /**
   * Queues the notices in `manager`'s transaction, handed to the delivery queue once it
   * committed (afterCommit). `onlyParticipantId` tells one person harmed again (an owed notice, once a mediator
   * confirmed their channels). Each person harmed who asked ends `sent` or `owed`.
   */
  async inform(
    manager: EntityManager,
    referral: ReferralEntity,
    caseId: string,
    result: InformedResult,
    cause: Cause,
    onlyParticipantId?: string,
  ): Promise<void> {
    if (referral.erasedAt || referral.withdrawnAt) return;
    const where = { referralId: referral.id, role: 'harmed', ...(onlyParticipantId ? { id: onlyParticipantId } : {}) };
    const harmed = await manager.find(ParticipantEntity, { where, order: { position: 'ASC' } });
    const kase = await manager.findOneBy(CaseEntity, { id: caseId });
    const openedAt = kase?.openedAt ?? referral.submittedAt;
    const partnerId = kase?.partnerId ?? null;
    for (const participant of harmed) {
      const consents = await manager.find(ConsentEntity, {
        where: { participantId: participant.id, purpose: 'receive_outcome' },
      });
      const latest: LatestConsent[] = consents.map((c) => ({ ...c, purpose: c.purpose as ConsentPurpose }));
      if (!hasConsented(latest, participant.id, 'receive_outcome')) continue;
      const confirmedAt = lastChannelConfirmation(openedAt, participant.channelConfirmedAt);
      const confirmed = channelStillConfirmed(
        confirmedAt,
        this.clock.now(),
        this.config.SAFE_CHANNEL_CONFIRMATION_DAYS,
      );
      const decision = decideParticipantMail({
        address: confirmed ? safeEmailOf({ email: participant.email, safeChannels: participant.safeChannels }) : null,
        preferredLanguage: participant.preferredLanguage,
        interpreter: participant.interpreter,
      });
      const words = renderParticipantMail(decision.language, 'outcome.notice', { result });
      if (!decision.send) {
        // A lapsed confirmation is `no_safe_channel`, as for reminders: the channel is not safe to use now. Either
        // reason leaves the notice owed, which the mediator's case view counts: they phone the person.
        await this.notifications.recordSkipped(manager, {
          kind: KIND,
          referralId: referral.id,
          ...words,
          reason: decision.reason,
        });
        await manager.update(ParticipantEntity, { id: participant.id }, { outcomeNotice: 'owed' });
        continue;
      }
      await manager.update(ParticipantEntity, { id: participant.id }, { outcomeNotice: 'sent' });
      const notificationId = await this.notifications.queueEmail(manager, {
        kind: KIND,
        to: decision.address,
        encrypted: true,
        referralId: referral.id,
        ...words,
        ...(await participantMailSettings(manager, participant, { jurisdiction: referral.jurisdiction, partnerId })),
      });
      afterCommit(manager, () => this.notifications.enqueue(notificationId));
      await publishEvent(manager, HarmedPartyInformed, {
        aggregateId: caseId,
        referralId: referral.id,
        ...cause,
        data: { caseId, participantId: participant.id, result, channel: 'email' },
      });
    }
  }
}

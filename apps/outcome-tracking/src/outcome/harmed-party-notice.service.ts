import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasConsented, type LatestConsent } from '@rj/outcome/domain';
import { ConsentEntity, ParticipantEntity, type ReferralEntity } from '@rj/outcome/data-access';
import { HarmedPartyInformed, type ConsentPurpose, type InformedResult } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { NotificationService, safeEmailOf } from '@rj/shared/notifications';
import type { Cause } from './causation';

const SUBJECT = 'The outcome of the restorative justice agreement';
const BODY: Record<InformedResult, string> = {
  completed: 'You asked to be told the outcome of the agreement made in your restorative justice case. Every term of the agreement has been completed.',
  not_completed: 'You asked to be told the outcome of the agreement made in your restorative justice case. The terms of the agreement were not all completed, and the case has been returned to the prosecutor.',
};

/**
 * Tells the person harmed whether the terms were kept (product.md step 8), only when their
 * latest `receive_outcome` decision is `given` (and their guardian's, for a minor) and only
 * by an e-mail address they marked safe. The address stays ciphertext here; the delivery job
 * decrypts it at send time. The mail names nobody; the event names no address.
 */
@Injectable()
export class HarmedPartyNoticeService {
  constructor(private readonly notifications: NotificationService) {}

  /** Queues the notices in `manager`'s transaction; returns notification ids to enqueue after commit. */
  async inform(manager: EntityManager, referral: ReferralEntity, caseId: string, result: InformedResult, cause: Cause): Promise<string[]> {
    if (referral.erasedAt || referral.withdrawnAt) return [];
    const harmed = await manager.find(ParticipantEntity, { where: { referralId: referral.id, role: 'harmed' }, order: { position: 'ASC' } });
    const queued: string[] = [];
    for (const participant of harmed) {
      const consents = await manager.find(ConsentEntity, { where: { participantId: participant.id, purpose: 'receive_outcome' } });
      const latest: LatestConsent[] = consents.map((c) => ({ ...c, purpose: c.purpose as ConsentPurpose }));
      if (!hasConsented(latest, participant.id, 'receive_outcome')) continue;
      const address = safeEmailOf({ email: participant.email, safeChannels: participant.safeChannels });
      if (!address) {
        await this.notifications.recordSkipped(manager, { kind: 'outcome.harmed_party', referralId: referral.id, subject: SUBJECT, body: BODY[result], reason: 'no_safe_channel' });
        continue;
      }
      queued.push(await this.notifications.queueEmail(manager, { kind: 'outcome.harmed_party', to: address, encrypted: true, referralId: referral.id, subject: SUBJECT, body: BODY[result] }));
      await publishEvent(manager, HarmedPartyInformed, {
        aggregateId: caseId,
        referralId: referral.id,
        ...cause,
        data: { caseId, participantId: participant.id, result, channel: 'email' },
      });
    }
    return queued;
  }
}

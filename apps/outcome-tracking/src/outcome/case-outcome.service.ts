import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { followUpSchedule } from '@rj/outcome/domain';
import { CaseEntity, FollowUpEntity, ReferralEntity } from '@rj/outcome/data-access';
import {
  CaseCompleted,
  CaseReturned,
  nextReferralStatus,
  uuidv7,
  type ReferralStatus,
  type ReturnReasonCode,
} from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { SERVICE_CONFIG } from '@rj/shared/service';
import { Clock } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import type { Cause } from '@rj/shared/service';
import { HarmedPartyNoticeService } from './harmed-party-notice.service';

/**
 * The two ends of a case (product.md step 8): completed when every term is fulfilled, or
 * returned to the prosecutor with a neutral reason. Called with the case row locked.
 * The person harmed's notice is queued with it and sent once the transaction committed.
 */
@Injectable()
export class CaseOutcomeService {
  constructor(
    private readonly clock: Clock,
    private readonly notices: HarmedPartyNoticeService,
    @Inject(SERVICE_CONFIG) private readonly config: OutcomeTrackingEnv,
  ) {}

  async complete(manager: EntityManager, kase: CaseEntity, agreementId: string, cause: Cause): Promise<void> {
    const now = this.clock.now();
    await manager.update(CaseEntity, { id: kase.id }, { status: 'completed', resultAt: now });
    const referral = await this.advance(manager, kase.referralId, CaseCompleted.type);
    await publishEvent(manager, CaseCompleted, {
      aggregateId: kase.id,
      referralId: kase.referralId,
      ...cause,
      data: { caseId: kase.id, agreementId, completedAt: now.toISOString() },
    });
    // product.md step 9: follow-ups at 6, 12 and 24 months after completion, as due dates.
    const offsets = this.config.FOLLOW_UP_MONTHS.map(Number);
    for (const due of followUpSchedule(this.clock.today(), offsets)) {
      await manager.insert(FollowUpEntity, {
        id: uuidv7(),
        caseId: kase.id,
        referralId: kase.referralId,
        officeId: referral.officeId,
        monthsAfter: due.offsetMonths,
        dueOn: this.config.FOLLOW_UP_DUE_IMMEDIATELY ? this.clock.today() : due.dueOn,
        status: 'scheduled',
      });
    }
    await this.notices.inform(manager, referral, kase.id, 'completed', cause);
  }

  async return(manager: EntityManager, kase: CaseEntity, reasonCode: ReturnReasonCode, cause: Cause): Promise<void> {
    await manager.update(
      CaseEntity,
      { id: kase.id },
      { status: 'returned', resultAt: this.clock.now(), returnReason: reasonCode },
    );
    await publishEvent(manager, CaseReturned, {
      aggregateId: kase.id,
      referralId: kase.referralId,
      ...cause,
      data: { caseId: kase.id, reasonCode },
    });
    const referral = await this.advance(manager, kase.referralId, CaseReturned.type);
    // Only an agreement can be "not completed": the person harmed who asked is told so.
    if (reasonCode !== 'agreement_not_completed') return;
    await this.notices.inform(manager, referral, kase.id, 'not_completed', cause);
  }

  /** Our copy of the referral's status follows what we emitted (for the figures by status). */
  private async advance(manager: EntityManager, referralId: string, eventType: string): Promise<ReferralEntity> {
    const referral = await manager.findOneByOrFail(ReferralEntity, { id: referralId });
    referral.status = nextReferralStatus(referral.status as ReferralStatus, eventType);
    await manager.update(ReferralEntity, { id: referralId }, { status: referral.status });
    return referral;
  }
}

import type { EntityManager } from 'typeorm';
import { ReferralEntity } from '@rj/referral/data-access';
import { reviewedEventData, type ReviewResult } from '@rj/referral/domain';
import { actorOf, type Principal } from '@rj/shared/auth';
import { ReferralReviewed } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { requestCause } from '@rj/shared/service';
import { applyStatusEvent } from './status-transition';

/**
 * Records a decided review on the locked referral, announces `referral.reviewed` and moves the
 * status — the same for a single review and for an override a second admin approved.
 * `reviewerSub` is who decided (the asking admin, for an approved override); the event's actor
 * is whose request made it happen now.
 */
export async function applyReview(
  manager: EntityManager,
  actor: Principal,
  referral: ReferralEntity,
  decided: { result: ReviewResult; reasonCiphertext: string; reviewerSub: string; at: Date },
): Promise<void> {
  const { result, reasonCiphertext, reviewerSub, at } = decided;
  await manager.update(
    ReferralEntity,
    { id: referral.id },
    {
      reviewDecision: result.decision,
      reviewReason: reasonCiphertext,
      reviewerSub,
      reviewerRole: result.reviewerRole,
      reviewedAt: at,
      requiresSpecialist: result.requiresSpecialist,
      specialistCategory: result.specialistCategory ?? null,
    },
  );
  const event = await publishEvent(manager, ReferralReviewed, {
    aggregateId: referral.id,
    referralId: referral.id,
    ...requestCause(actorOf(actor)),
    occurredAt: at,
    data: reviewedEventData(result),
  });
  await applyStatusEvent(manager, referral, event);
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { lockReferral, ReferralEntity } from '@rj/referral/data-access';
import { assertCanExtendDeadline, assertCanWithdraw, decideReview, reviewedEventData, screeningAwaitingReview, type ScreeningReason } from '@rj/referral/domain';
import { actorOf, type Principal } from '@rj/shared/auth';
import { ReferralDeadlineExtended, ReferralReviewed, ReferralWithdrawn, RuleViolation, type ReferralStatus } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { encryptField } from '@rj/shared/pii';
import { CLOCK, type Clock } from '../common/clock';
import { requestCause } from '../common/request-cause';
import { KeyStore } from '../key-store/key-store';
import type { ExtendDeadlineDto, ReviewReferralDto, WithdrawReferralDto } from './dto/referral-commands.dto';
import { assertVisibleTo } from './referral-access';
import { summaryView, type ReferralSummaryView } from './referral-views';
import { applyStatusEvent } from './status-transition';

/** A prosecutor's (or admin's) decisions on a referral: review, withdrawal, a later deadline. */
@Injectable()
export class ReferralCommandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * product.md, Screening: a person decides a needs_review screening with a recorded reason;
   * only an admin overrides an ineligible one, and an overridden excluded category then goes
   * to specialist partners only (`referral.reviewed` says so; matching acts on it).
   */
  review(principal: Principal, id: string, dto: ReviewReferralDto): Promise<ReferralSummaryView> {
    return this.change(principal, id, async (manager, referral, now) => {
      const result = decideReview({
        current: { outcome: screeningAwaitingReview(referral.status as ReferralStatus), reasons: referral.screeningReasons as ScreeningReason[] },
        decision: dto.decision,
        reason: dto.reason,
        reviewerRole: principal.role,
      });
      // The reason is free text: kept here only, encrypted under the referral's key.
      const dataKey = await this.keys.usableKey(manager, referral.dataKeyId);
      if (!dataKey) throw new RuleViolation('review_reason_required', "the referral's personal data was erased: a review reason can no longer be recorded");
      await manager.update(ReferralEntity, { id }, {
        reviewDecision: result.decision,
        reviewReason: encryptField(dto.reason, dataKey),
        reviewerSub: principal.sub,
        reviewerRole: result.reviewerRole,
        reviewedAt: now,
        requiresSpecialist: result.requiresSpecialist,
        specialistCategory: result.specialistCategory ?? null,
      });
      const event = await publishEvent(manager, ReferralReviewed, { aggregateId: id, referralId: id, actor: actorOf(principal), causedBy: requestCause(), occurredAt: now, data: reviewedEventData(result) });
      await applyStatusEvent(manager, referral, event);
    });
  }

  /** product.md: "A prosecutor's withdrawal of the referral ends the case"; every service acts on the event. */
  withdraw(principal: Principal, id: string, dto: WithdrawReferralDto): Promise<ReferralSummaryView> {
    return this.change(principal, id, async (manager, referral, now) => {
      assertCanWithdraw(referral.status as ReferralStatus);
      await manager.update(ReferralEntity, { id }, { withdrawReasonCode: dto.reasonCode, withdrawnAt: now });
      const event = await publishEvent(manager, ReferralWithdrawn, { aggregateId: id, referralId: id, actor: actorOf(principal), causedBy: requestCause(), occurredAt: now, data: { reasonCode: dto.reasonCode } });
      await applyStatusEvent(manager, referral, event);
    });
  }

  /** product.md, Timeliness: the prosecutor may extend the report-back deadline, later dates only. */
  extendDeadline(principal: Principal, id: string, dto: ExtendDeadlineDto): Promise<ReferralSummaryView> {
    return this.change(principal, id, async (manager, referral, now) => {
      assertCanExtendDeadline(referral.reportBackBy, dto.reportBackBy, referral.status as ReferralStatus);
      await manager.update(ReferralEntity, { id }, { reportBackBy: dto.reportBackBy, updatedAt: now });
      await publishEvent(manager, ReferralDeadlineExtended, {
        aggregateId: id,
        referralId: id,
        actor: actorOf(principal),
        causedBy: requestCause(),
        occurredAt: now,
        data: { previousReportBackBy: referral.reportBackBy, reportBackBy: dto.reportBackBy },
      });
    });
  }

  /** Locks the referral, checks who may see it, applies the change and answers with its new state. */
  private change(
    principal: Principal,
    id: string,
    apply: (manager: EntityManager, referral: ReferralEntity, now: Date) => Promise<void>,
  ): Promise<ReferralSummaryView> {
    return withTransaction(this.dataSource, async (manager) => {
      const referral = await lockReferral(manager, id);
      assertVisibleTo(principal, referral);
      await apply(manager, referral, this.clock());
      return summaryView(await manager.findOneByOrFail(ReferralEntity, { id }));
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { lockReferral, ReferralEntity } from '@rj/referral/data-access';
import {
  assertCanExtendDeadline,
  assertCanWithdraw,
  decideReview,
  overrideNeedsSecondApproval,
  screeningAwaitingReview,
  type ScreeningReason,
} from '@rj/referral/domain';
import { actorOf, type Principal } from '@rj/shared/auth';
import { ReferralDeadlineExtended, ReferralWithdrawn, RuleViolation, type ReferralStatus } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { encryptField } from '@rj/shared/pii';
import { Clock, requestCause } from '@rj/shared/service';
import type { StoredAnswer } from '../idempotency/idempotency';
import { KeyStore } from '../key-store/key-store';
import { applyReview } from './apply-review';
import type { ExtendDeadlineDto, ReviewReferralDto, WithdrawReferralDto } from './dto/referral-commands.dto';
import { assertVisibleTo } from './referral-access';
import { summaryView, type ReferralSummaryView } from './referral-views';
import { ReviewOverridesService } from './overrides/review-overrides.service';
import type { ReviewOverrideView } from './overrides/review-override.view';
import { applyStatusEvent } from './status-transition';

/** A prosecutor's (or admin's) decisions on a referral: review, withdrawal, a later deadline. */
@Injectable()
export class ReferralCommandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly overrides: ReviewOverridesService,
    private readonly clock: Clock,
  ) {}

  /**
   * product.md, Screening: a person decides a needs_review screening with a recorded reason;
   * only an admin overrides an ineligible one, and an overridden excluded category then goes
   * to specialist partners only (`referral.reviewed` says so; matching acts on it). An override
   * of an excluded domestic- or sexual-violence category is not applied at once: it becomes a
   * request that another admin approves (202 with the request; ReviewOverridesService).
   */
  review(
    principal: Principal,
    id: string,
    dto: ReviewReferralDto,
  ): Promise<StoredAnswer<ReferralSummaryView | ReviewOverrideView>> {
    return withTransaction(this.dataSource, async (manager) => {
      const referral = await lockReferral(manager, id);
      assertVisibleTo(principal, referral);
      const now = this.clock.now();
      const result = decideReview({
        current: {
          outcome: screeningAwaitingReview(referral.status as ReferralStatus),
          reasons: referral.screeningReasons as ScreeningReason[],
        },
        decision: dto.decision,
        reason: dto.reason,
        reviewerRole: principal.role,
      });
      // The reason is free text: kept here only, encrypted under the referral's key.
      const dataKey = await this.keys.usableKey(manager, referral.dataKeyId);
      if (!dataKey)
        throw new RuleViolation(
          'review_reason_required',
          "the referral's personal data was erased: a review reason can no longer be recorded",
        );
      const reasonCiphertext = encryptField(dto.reason, dataKey);
      if (overrideNeedsSecondApproval(result)) {
        return {
          status: 202,
          body: await this.overrides.request(manager, principal, referral, {
            category: result.specialistCategory as string,
            reasonCiphertext,
            at: now,
          }),
        };
      }
      await applyReview(manager, principal, referral, {
        result,
        reasonCiphertext,
        reviewerSub: principal.sub,
        at: now,
      });
      return { status: 200, body: summaryView(await manager.findOneByOrFail(ReferralEntity, { id })) };
    });
  }

  /** product.md: "A prosecutor's withdrawal of the referral ends the case"; every service acts on the event. */
  withdraw(principal: Principal, id: string, dto: WithdrawReferralDto): Promise<ReferralSummaryView> {
    return this.change(principal, id, async (manager, referral, now) => {
      assertCanWithdraw(referral.status as ReferralStatus);
      await manager.update(ReferralEntity, { id }, { withdrawReasonCode: dto.reasonCode, withdrawnAt: now });
      const event = await publishEvent(manager, ReferralWithdrawn, {
        aggregateId: id,
        referralId: id,
        ...requestCause(actorOf(principal)),
        occurredAt: now,
        data: { reasonCode: dto.reasonCode },
      });
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
        ...requestCause(actorOf(principal)),
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
      await apply(manager, referral, this.clock.now());
      return summaryView(await manager.findOneByOrFail(ReferralEntity, { id }));
    });
  }
}

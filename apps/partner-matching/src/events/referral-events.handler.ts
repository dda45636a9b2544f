import { insertRow } from '@rj/shared/persistence';
import { Clock } from '@rj/shared/service';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReferralEntity } from '@rj/matching/data-access';
import {
  ReferralReviewed,
  ReferralScreened,
  ReferralSubmitted,
  ReferralWithdrawn,
  type EventEnvelope,
} from '@rj/shared/contracts';
import {
  EventContext,
  EventPattern,
  MissingPrerequisite,
  prerequisiteKey,
  provides,
  type EventOf,
} from '@rj/shared/messaging';
import { MatchingService } from '../matching/matching.service';
import { lockReferral } from '../offers/locks';
import { OfferFlow } from '../offers/offer-flow.service';
import { referralIdOf } from './referral-id';

/**
 * What partner-matching takes from referral-intake (api.md, events): the matching attributes of
 * referral.submitted (never a name, a contact or the case number), the eligible screening or
 * review that starts matching, and the withdrawal that stops it. Screening follows submission on
 * the same partition; should a decision ever come first (a submission re-driven from the DLQ),
 * it waits for the submission with the backbone's same-topic wait: parked, then applied right
 * after the submission, in arrival order.
 */
@Controller()
export class ReferralEventsHandler {
  constructor(
    private readonly matching: MatchingService,
    private readonly offers: OfferFlow,
    private readonly clock: Clock,
  ) {}

  /** Applying it releases a decision that overtook it and was parked. */
  @EventPattern(
    ReferralSubmitted.type,
    provides(ReferralSubmitted, (event) => [prerequisiteKey('referral', event.data.referralId)]),
  )
  async onSubmitted(@Payload() event: EventOf<typeof ReferralSubmitted>, @Ctx() ctx: EventContext): Promise<void> {
    const { data } = event;
    await insertRow(
      ctx.manager,
      ReferralEntity,
      {
        id: data.referralId,
        officeId: data.officeId,
        jurisdiction: data.jurisdiction,
        offenseCategory: data.offense.category,
        severity: data.offense.severity,
        languages: data.languages,
        hasMinor: data.hasMinor,
        screeningOutcome: null,
        requiresSpecialist: false,
        specialistCategory: null,
        withdrawnAt: null,
        submittedAt: new Date(event.occurredAt),
      },
      { ifConflict: 'skip' },
    );
  }

  @EventPattern(ReferralScreened.type)
  async onScreened(@Payload() event: EventOf<typeof ReferralScreened>, @Ctx() ctx: EventContext): Promise<void> {
    const referral = await this.referralOf(event, ctx);
    if (referral.withdrawnAt || referral.screeningOutcome === 'eligible') return;
    await ctx.manager.query('update referral set screening_outcome = $2 where id = $1', [
      referral.id,
      event.data.outcome,
    ]);
    referral.screeningOutcome = event.data.outcome;
    if (event.data.outcome === 'eligible')
      await this.matching.startMatching(ctx.manager, referral, ctx.causedBy, this.clock.now());
  }

  /** A review decides a needs_review screening, or an admin overrides an exclusion: specialists only. */
  @EventPattern(ReferralReviewed.type)
  async onReviewed(@Payload() event: EventOf<typeof ReferralReviewed>, @Ctx() ctx: EventContext): Promise<void> {
    const referral = await this.referralOf(event, ctx);
    if (referral.withdrawnAt || referral.screeningOutcome === 'eligible') return;
    const { decision, requiresSpecialist, specialistCategory } = event.data;
    const change = {
      screeningOutcome: decision,
      requiresSpecialist: decision === 'eligible' && requiresSpecialist,
      specialistCategory:
        decision === 'eligible' && requiresSpecialist ? (specialistCategory ?? referral.offenseCategory) : null,
    };
    await ctx.manager.update(ReferralEntity, { id: referral.id }, change);
    Object.assign(referral, change);
    if (decision === 'eligible')
      await this.matching.startMatching(ctx.manager, referral, ctx.causedBy, this.clock.now());
  }

  @EventPattern(ReferralWithdrawn.type)
  async onWithdrawn(@Payload() event: EventOf<typeof ReferralWithdrawn>, @Ctx() ctx: EventContext): Promise<void> {
    const referral = await this.referralOf(event, ctx);
    await this.offers.withdrawReferral(ctx.manager, referral, ctx.causedBy, this.clock.now());
  }

  /** The referral's row, locked; the event waits (parked) when it overtook the submission. */
  private async referralOf(event: EventEnvelope, { manager }: EventContext): Promise<ReferralEntity> {
    const referralId = referralIdOf(event);
    const referral = await lockReferral(manager, referralId);
    if (!referral) throw new MissingPrerequisite(prerequisiteKey('referral', referralId));
    return referral;
  }
}

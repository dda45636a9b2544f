import { Injectable } from '@nestjs/common';
import { ReferralEntity } from '@rj/matching/data-access';
import {
  ReferralReviewed,
  ReferralScreened,
  ReferralSubmitted,
  ReferralWithdrawn,
  type DataOf,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { on, type HandlerContext, type Subscription } from '@rj/shared/messaging';
import { Clock } from '../infrastructure/clock';
import { MatchingService } from '../matching/matching.service';
import { lockReferral } from '../offers/locks';
import { OfferFlow } from '../offers/offer-flow.service';
import { referralIdOf } from './referral-id';

type Event<D> = EventEnvelope<string, DataOf<D>>;

/**
 * What partner-matching takes from referral-intake (api.md, events): the matching attributes of
 * referral.submitted (never a name, a contact or the case number), the eligible screening or
 * review that starts matching, and the withdrawal that stops it. Screening follows submission on
 * the same partition; should a decision ever come first, it is kept and applied right after the
 * submission (not parked in the backbone's pending_event: that would hold the submission, same
 * topic and key, behind it for ever).
 */
@Injectable()
export class ReferralEventsHandler {
  constructor(
    private readonly matching: MatchingService,
    private readonly offers: OfferFlow,
    private readonly clock: Clock,
  ) {}

  subscriptions(): Subscription[] {
    return [
      on(ReferralSubmitted, (event, ctx) => this.onSubmitted(event, ctx)),
      on(ReferralScreened, (event, ctx) => this.onScreened(event, ctx)),
      on(ReferralReviewed, (event, ctx) => this.onReviewed(event, ctx)),
      on(ReferralWithdrawn, (event, ctx) => this.onWithdrawn(event, ctx)),
    ];
  }

  private async onSubmitted(event: Event<typeof ReferralSubmitted>, ctx: HandlerContext): Promise<void> {
    const { data } = event;
    await ctx.manager
      .createQueryBuilder()
      .insert()
      .into(ReferralEntity)
      .values({
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
      })
      .orIgnore()
      .execute();
    await this.applyEarlyDecisions(data.referralId, ctx);
  }

  private async onScreened(event: Event<typeof ReferralScreened>, ctx: HandlerContext): Promise<void> {
    const referral = await this.referralOf(event, ctx);
    if (!referral) return;
    if (referral.withdrawnAt || referral.screeningOutcome === 'eligible') return;
    await ctx.manager.update(ReferralEntity, { id: referral.id }, { screeningOutcome: event.data.outcome });
    referral.screeningOutcome = event.data.outcome;
    if (event.data.outcome === 'eligible') await this.matching.startMatching(ctx.manager, referral, ctx.causedBy, this.clock.now());
  }

  /** A review decides a needs_review screening, or an admin overrides an exclusion: specialists only. */
  private async onReviewed(event: Event<typeof ReferralReviewed>, ctx: HandlerContext): Promise<void> {
    const referral = await this.referralOf(event, ctx);
    if (!referral) return;
    if (referral.withdrawnAt || referral.screeningOutcome === 'eligible') return;
    const { decision, requiresSpecialist, specialistCategory } = event.data;
    const change = {
      screeningOutcome: decision,
      requiresSpecialist: decision === 'eligible' && requiresSpecialist,
      specialistCategory: decision === 'eligible' && requiresSpecialist ? (specialistCategory ?? referral.offenseCategory) : null,
    };
    await ctx.manager.update(ReferralEntity, { id: referral.id }, change);
    Object.assign(referral, change);
    if (decision === 'eligible') await this.matching.startMatching(ctx.manager, referral, ctx.causedBy, this.clock.now());
  }

  private async onWithdrawn(event: Event<typeof ReferralWithdrawn>, ctx: HandlerContext): Promise<void> {
    const referral = await this.referralOf(event, ctx);
    if (!referral) return;
    await this.offers.withdrawReferral(ctx.manager, referral, ctx.causedBy, this.clock.now());
  }

  /** The referral's row, locked; null when the event overtook the submission (then it is kept for it). */
  private async referralOf(event: EventEnvelope, { manager }: HandlerContext): Promise<ReferralEntity | null> {
    const referralId = referralIdOf(event);
    const referral = await lockReferral(manager, referralId);
    if (referral) return referral;
    await manager.query('insert into early_referral_event (event_id, referral_id, envelope) values ($1, $2, $3::jsonb) on conflict do nothing', [
      event.id,
      referralId,
      JSON.stringify(event),
    ]);
    return null;
  }

  /** Applies, in arrival order, the decisions that came before the submission. */
  private async applyEarlyDecisions(referralId: string, ctx: HandlerContext): Promise<void> {
    // A DELETE through TypeORM's raw query answers [rows, affected].
    const [early]: [{ seq: string; envelope: EventEnvelope }[], number] = await ctx.manager.query(
      'delete from early_referral_event where referral_id = $1 returning seq, envelope',
      [referralId],
    );
    for (const { envelope } of early.sort((a, b) => Number(a.seq) - Number(b.seq))) {
      const own = { ...ctx, causedBy: { correlationId: envelope.correlationId, causationId: envelope.id } };
      if (envelope.type === ReferralScreened.type) await this.onScreened(envelope as Event<typeof ReferralScreened>, own);
      else if (envelope.type === ReferralReviewed.type) await this.onReviewed(envelope as Event<typeof ReferralReviewed>, own);
      else if (envelope.type === ReferralWithdrawn.type) await this.onWithdrawn(envelope as Event<typeof ReferralWithdrawn>, own);
    }
  }
}

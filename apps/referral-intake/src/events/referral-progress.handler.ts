import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { AgreementTermEntity, lockReferral, ReferralEntity, SharingConsentEntity } from '@rj/referral/data-access';
import { SHARE_OUTCOME_PURPOSE } from '@rj/referral/domain';
import {
  AgreementRecorded,
  CaseCompleted,
  CaseOpened,
  CaseReturned,
  ConsentRecorded,
  OfferAccepted,
  OfferMade,
  ReferralUnmatched,
  SessionCompleted,
  TermAmended,
  TermFulfilled,
  TermOverdue,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { EventContext, EventPattern, type EventOf } from '@rj/shared/messaging';
import { applyStatusEvent } from '../referrals/status-transition';

type Facts = Partial<
  Pick<
    ReferralEntity,
    'partnerId' | 'caseId' | 'acceptedAt' | 'firstSessionAt' | 'agreementAt' | 'concludedAt' | 'returnReasonCode'
  >
>;

/**
 * A referral's progress as the other services report it (api.md, Referral status): matching's
 * offers, scheduling's case, sessions and sharing consents, outcome's agreement, terms and
 * result. Each event moves the status only as the status machine allows (a late event never
 * moves it back, a withdrawn referral stays withdrawn) and keeps the facts the referral's view
 * and the prosecutor's report need. Events carry ids and codes only; nothing here is personal.
 * `term.progress_recorded` is not consumed: the report shows a term's status, which only
 * `term.fulfilled` and `term.overdue` change.
 */
@Controller()
export class ReferralProgressHandler {
  /** Status only: the offer, the unmatching and (event below) the acceptance move it. */
  @EventPattern([OfferMade.type, ReferralUnmatched.type])
  async onStatusOnly(
    @Payload() event: EventOf<typeof OfferMade> | EventOf<typeof ReferralUnmatched>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.progress(event, ctx);
  }

  @EventPattern(OfferAccepted.type)
  async onOfferAccepted(@Payload() event: EventOf<typeof OfferAccepted>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, (r) => ({
      partnerId: event.data.partnerId,
      acceptedAt: r.acceptedAt ?? new Date(event.occurredAt),
    }));
  }

  @EventPattern(CaseOpened.type)
  async onCaseOpened(@Payload() event: EventOf<typeof CaseOpened>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, (r) => ({
      caseId: event.data.caseId,
      partnerId: r.partnerId ?? event.data.partnerId,
    }));
  }

  @EventPattern(SessionCompleted.type)
  async onSessionCompleted(
    @Payload() event: EventOf<typeof SessionCompleted>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.progress(event, ctx, (r) => ({
      firstSessionAt: earliest(r.firstSessionAt, new Date(event.data.heldAt)),
    }));
  }

  @EventPattern(ConsentRecorded.type)
  async onConsentRecorded(@Payload() event: EventOf<typeof ConsentRecorded>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, undefined, (manager, referral) =>
      this.keepSharingConsent(manager, referral, event),
    );
  }

  @EventPattern(AgreementRecorded.type)
  async onAgreementRecorded(
    @Payload() event: EventOf<typeof AgreementRecorded>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.progress(
      event,
      ctx,
      (r) => ({ agreementAt: r.agreementAt ?? new Date(event.occurredAt) }),
      (manager, referral) => this.keepTerms(manager, referral, event),
    );
  }

  @EventPattern(TermAmended.type)
  async onTermAmended(@Payload() event: EventOf<typeof TermAmended>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, undefined, async (manager) => {
      if (event.data.dueBy)
        await manager.update(AgreementTermEntity, { termId: event.data.termId }, { dueBy: event.data.dueBy });
    });
  }

  @EventPattern(TermFulfilled.type)
  async onTermFulfilled(@Payload() event: EventOf<typeof TermFulfilled>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, undefined, (manager) =>
      this.setTermStatus(manager, event.data.termId, 'fulfilled'),
    );
  }

  @EventPattern(TermOverdue.type)
  async onTermOverdue(@Payload() event: EventOf<typeof TermOverdue>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, undefined, (manager) => this.setTermStatus(manager, event.data.termId, 'overdue'));
  }

  @EventPattern(CaseCompleted.type)
  async onCaseCompleted(@Payload() event: EventOf<typeof CaseCompleted>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, () => ({ concludedAt: new Date(event.data.completedAt) }));
  }

  @EventPattern(CaseReturned.type)
  async onCaseReturned(@Payload() event: EventOf<typeof CaseReturned>, @Ctx() ctx: EventContext): Promise<void> {
    await this.progress(event, ctx, () => ({
      concludedAt: new Date(event.occurredAt),
      returnReasonCode: event.data.reasonCode,
    }));
  }

  private async progress(
    event: EventEnvelope,
    { manager, logger }: EventContext,
    facts?: (referral: ReferralEntity) => Facts,
    keep?: (manager: EntityManager, referral: ReferralEntity) => Promise<void>,
  ): Promise<void> {
    // Intake emits referral.submitted before any of these can exist; an unknown referral
    // (another environment's event, a referral of a dropped database) is logged and skipped.
    const referral = event.referralId ? await lockReferral(manager, event.referralId) : null;
    if (!referral) {
      logger.warn(
        { referralId: event.referralId, eventType: event.type },
        'event for a referral intake does not know: skipped',
      );
      return;
    }
    const changes = facts?.(referral);
    if (changes && Object.keys(changes).length)
      await manager.update(ReferralEntity, { id: referral.id }, { ...changes, updatedAt: new Date() });
    await keep?.(manager, referral);
    await applyStatusEvent(manager, referral, event);
  }

  /** Only the consent to share the outcome with the referrer matters to intake (the report). */
  private async keepSharingConsent(
    manager: EntityManager,
    referral: ReferralEntity,
    event: EventOf<typeof ConsentRecorded>,
  ): Promise<void> {
    if (event.data.purpose !== SHARE_OUTCOME_PURPOSE) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(SharingConsentEntity)
      .values({
        eventId: event.id,
        referralId: referral.id,
        participantId: event.data.participantId,
        decision: event.data.decision,
        byGuardian: event.data.byGuardian,
        recordedAt: new Date(event.occurredAt),
      })
      .orIgnore()
      .execute();
  }

  private async keepTerms(
    manager: EntityManager,
    referral: ReferralEntity,
    event: EventOf<typeof AgreementRecorded>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AgreementTermEntity)
      .values(
        event.data.terms.map((term, position) => ({
          termId: term.termId,
          referralId: referral.id,
          agreementId: event.data.agreementId,
          position,
          kind: term.kind,
          dueBy: term.dueBy,
          status: 'open',
        })),
      )
      .orIgnore()
      .execute();
  }

  /** A fulfilled term stays fulfilled: a late overdue notice does not undo it. */
  private async setTermStatus(manager: EntityManager, termId: string, status: 'fulfilled' | 'overdue'): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AgreementTermEntity)
      .set({ status })
      .where('term_id = :termId', { termId })
      .andWhere("status <> 'fulfilled'")
      .execute();
  }
}

function earliest(current: Date | null, candidate: Date): Date {
  return current && current <= candidate ? current : candidate;
}

import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CaseOpened,
  OfferAccepted,
  PartnerRegistered,
  PartnerUpdated,
  systemActor,
  uuidv7,
} from '@rj/shared/contracts';
import { EventContext, EventPattern, MissingPrerequisite, prerequisiteKey, type EventOf } from '@rj/shared/messaging';
import { MediationCaseEntity, PartnerEntity, ReferralSnapshotEntity } from '@rj/scheduling/data-access';
import { caseReducer, EMPTY_CASE } from '@rj/scheduling/domain';
import { recordCaseEvent, saveCase } from '../cases/case-store';

/** rj.matching.v1: partners, and the accepted offer that opens a case. */
@Controller()
export class MatchingEventsHandler {
  @EventPattern([PartnerRegistered.type, PartnerUpdated.type])
  async onPartner(
    @Payload() event: EventOf<typeof PartnerRegistered> | EventOf<typeof PartnerUpdated>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { partnerId, name, active, contact } = event.data;
    // The work e-mail is where reminders about the partner's mediators' practice go (issue 22).
    await ctx.manager.upsert(
      PartnerEntity,
      { id: partnerId, name, active, contactEmail: contact?.email ?? null, updatedAt: new Date(event.occurredAt) },
      ['id'],
    );
  }

  /**
   * The case opens for the accepting partner (product.md step 5). Its participants come from
   * referral.submitted on another topic: without them the event waits (MissingPrerequisite)
   * and runs again once they arrive.
   */
  @EventPattern(OfferAccepted.type)
  async onOfferAccepted(@Payload() event: EventOf<typeof OfferAccepted>, @Ctx() ctx: EventContext): Promise<void> {
    const referralId = event.referralId as string;
    if (await ctx.manager.exists(MediationCaseEntity, { where: { referralId } })) return;
    const snapshot = await ctx.manager.findOne(ReferralSnapshotEntity, { where: { referralId } });
    if (snapshot?.withdrawnAt) return; // withdrawn is final: nothing opens after it
    if (!snapshot?.participants) throw new MissingPrerequisite(prerequisiteKey('referral', referralId));

    const now = new Date();
    const caseId = uuidv7(now.getTime());
    const state = caseReducer(EMPTY_CASE, {
      type: 'referral.submitted',
      referralId,
      data: { referralId, participants: snapshot.participants },
    });
    const row: MediationCaseEntity = {
      id: caseId,
      referralId,
      partnerId: event.data.partnerId,
      offerId: event.data.offerId,
      status: 'open',
      holdReason: null,
      state,
      openedAt: now,
      updatedAt: now,
    };
    await ctx.manager.insert(MediationCaseEntity, row);
    const cause = { actor: systemActor('mediation-scheduling'), causedBy: ctx.causedBy };
    await recordCaseEvent(
      ctx.manager,
      row,
      CaseOpened,
      { caseId, partnerId: event.data.partnerId, offerId: event.data.offerId },
      cause,
    );
    await saveCase(ctx.manager, row, now);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { caseResultAfterConclusion, informedResultOf } from '@rj/outcome/domain';
import {
  CaseEntity,
  CaseMediatorEntity,
  ConsentEntity,
  MediatorEntity,
  ParticipantEntity,
  ReferralEntity,
} from '@rj/outcome/data-access';
import {
  CaseConcluded,
  CaseOpened,
  ConsentRecorded,
  ContactConfirmed,
  DisclosureRecorded,
  InformationRecorded,
  MediatorDeclared,
  MediatorRegistered,
  RiskAssessed,
  SessionCompleted,
  SessionScheduled,
  systemActor,
  type DataOf,
} from '@rj/shared/contracts';
import { EventContext, EventPattern, prerequisiteKey, provides, type EventOf } from '@rj/shared/messaging';
import { CaseOutcomeService } from '../outcome/case-outcome.service';
import { HarmedPartyNoticeService } from '../outcome/harmed-party-notice.service';
import { advanceStatus, keepEarliest, referralOf, requireCase, requireReferral } from './projection-store';

/** rj.scheduling.v1: cases, mediators, consents, first contact and dialogue, conclusion. */
@Controller()
export class SchedulingEventsHandler {
  constructor(
    private readonly outcomes: CaseOutcomeService,
    private readonly notices: HarmedPartyNoticeService,
  ) {}

  /** Events of the case that overtook it (parked) run once it is applied. */
  @EventPattern(CaseOpened.type, provides(CaseOpened, (event) => [prerequisiteKey('case', event.data.caseId)]))
  async onOpened(@Payload() event: EventOf<typeof CaseOpened>, @Ctx() { manager }: EventContext): Promise<void> {
    await this.openCase(manager, referralOf(event), event.data, event.occurredAt);
  }

  @EventPattern(MediatorRegistered.type)
  async onMediatorRegistered(
    @Payload() event: EventOf<typeof MediatorRegistered>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const d = event.data;
    await manager.upsert(MediatorEntity, { id: d.mediatorId, partnerId: d.partnerId, email: d.contact.email }, ['id']);
  }

  @EventPattern(MediatorDeclared.type)
  async onMediatorDeclared(
    @Payload() event: EventOf<typeof MediatorDeclared>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const kase = await requireCase(manager, event.data.caseId);
    // No conflict assigns the mediator; a conflict removes them (api.md, declarations).
    await manager.upsert(
      CaseMediatorEntity,
      { caseId: kase.id, mediatorId: event.data.mediatorId, assigned: !event.data.conflictOfInterest },
      ['caseId', 'mediatorId'],
    );
  }

  @EventPattern([InformationRecorded.type, SessionScheduled.type])
  async onFirstContact(
    @Payload() event: EventOf<typeof InformationRecorded> | EventOf<typeof SessionScheduled>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await requireCase(manager, event.data.caseId);
    await keepEarliest(manager, referralOf(event), 'first_contact_at', event.occurredAt);
  }

  @EventPattern(SessionCompleted.type)
  async onSessionCompleted(
    @Payload() event: EventOf<typeof SessionCompleted>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const kase = await requireCase(manager, event.data.caseId);
    if (event.data.kind === 'joint_dialogue' || event.data.kind === 'indirect_dialogue') {
      await manager.update(CaseEntity, { id: kase.id }, { dialogueHeld: true });
      await keepEarliest(manager, kase.referralId, 'first_dialogue_at', event.data.heldAt);
      // The first feedback survey counts from the last dialogue (issue 20).
      await manager.query(
        `update "case" set last_dialogue_at = greatest(coalesce(last_dialogue_at, $2::timestamptz), $2::timestamptz) where id = $1`,
        [kase.id, event.data.heldAt],
      );
    }
    await advanceStatus(manager, await requireReferral(manager, kase.referralId), event);
  }

  /** What blocks a feedback survey for good (issue 20): a `stop` risk assessment. Codes only. */
  @EventPattern(RiskAssessed.type)
  async onRiskAssessed(
    @Payload() event: EventOf<typeof RiskAssessed>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const kase = await requireCase(manager, event.data.caseId);
    if (event.data.outcome === 'stop') await manager.update(CaseEntity, { id: kase.id }, { riskStop: true });
  }

  /** A disclosure blocks a feedback survey for good too (issue 20). */
  @EventPattern(DisclosureRecorded.type)
  async onDisclosure(
    @Payload() event: EventOf<typeof DisclosureRecorded>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const kase = await requireCase(manager, event.data.caseId);
    await manager.update(CaseEntity, { id: kase.id }, { disclosure: true });
  }

  private async openCase(
    manager: EntityManager,
    referralId: string,
    d: DataOf<typeof CaseOpened>,
    occurredAt: string,
  ): Promise<void> {
    const referral = await requireReferral(manager, referralId);
    if (await manager.existsBy(CaseEntity, { id: d.caseId })) return;
    // A withdrawn referral's case is opened only to be concluded: nothing runs on it here.
    await manager.insert(CaseEntity, {
      id: d.caseId,
      referralId,
      partnerId: d.partnerId,
      status: referral.withdrawnAt ? 'withdrawn' : 'open',
      openedAt: new Date(occurredAt),
    });
    if (!referral.partnerId) await manager.update(ReferralEntity, { id: referralId }, { partnerId: d.partnerId });
  }

  /**
   * A mediator confirmed a participant's channels with them: from now on notices use these
   * (ciphertext as it came), and the confirmation's date decides whether they still may. A
   * confirmation delivered after a newer one changes nothing. A person harmed still owed the
   * outcome is told now, on the channel just confirmed (the notification sweep delivers it).
   */
  @EventPattern(ContactConfirmed.type)
  async onContactConfirmed(
    @Payload() event: EventOf<typeof ContactConfirmed>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { manager } = ctx;
    const d = event.data;
    const kase = await requireCase(manager, d.caseId);
    const participant = await manager.findOneBy(ParticipantEntity, { id: d.participantId });
    const confirmedAt = new Date(event.occurredAt);
    if (!participant || (participant.channelConfirmedAt && participant.channelConfirmedAt >= confirmedAt)) return;
    const contact = d.contact ? { email: d.contact.email ?? null, safeChannels: [...d.contact.safeChannels] } : {};
    await manager.update(
      ParticipantEntity,
      { id: participant.id },
      { channelConfirmedAt: confirmedAt, timeZone: d.timeZone ?? null, ...contact },
    );
    const result = informedResultOf(kase);
    if (participant.outcomeNotice !== 'owed' || !result) return;
    const referral = await requireReferral(manager, kase.referralId);
    await this.notices.inform(
      manager,
      referral,
      kase.id,
      result,
      { actor: systemActor('outcome-tracking'), causedBy: ctx.causedBy },
      participant.id,
    );
  }

  @EventPattern(ConsentRecorded.type)
  async onConsent(@Payload() event: EventOf<typeof ConsentRecorded>, @Ctx() { manager }: EventContext): Promise<void> {
    const d = event.data;
    const kase = await requireCase(manager, d.caseId);
    const key = { participantId: d.participantId, purpose: d.purpose, byGuardian: d.byGuardian };
    const previous = await manager.findOneBy(ConsentEntity, key);
    const recordedAt = new Date(event.occurredAt);
    if (previous && previous.recordedAt > recordedAt) return;
    await manager.upsert(
      ConsentEntity,
      {
        ...key,
        referralId: kase.referralId,
        decision: d.decision,
        everGiven: (previous?.everGiven ?? false) || d.decision === 'given',
        recordedAt,
      },
      ['participantId', 'purpose', 'byGuardian'],
    );
  }

  @EventPattern(CaseConcluded.type)
  async onConcluded(@Payload() event: EventOf<typeof CaseConcluded>, @Ctx() ctx: EventContext): Promise<void> {
    const kase = await requireCase(ctx.manager, event.data.caseId);
    const conclusion = {
      agreementReached: event.data.agreementReached,
      conclusionReason: event.data.reasonCode ?? null,
    };
    if (kase.status !== 'open') return; // already concluded, or the referral was withdrawn
    const next = caseResultAfterConclusion(event.data);
    if (next === 'nothing') {
      // referral_withdrawn: the referral is already final; outcome-tracking emits nothing further.
      await ctx.manager.update(CaseEntity, { id: kase.id }, { ...conclusion, status: 'withdrawn' });
    } else if (next === 'awaiting_agreement') {
      await ctx.manager.update(CaseEntity, { id: kase.id }, { ...conclusion, status: 'awaiting_agreement' });
    } else {
      await ctx.manager.update(CaseEntity, { id: kase.id }, conclusion);
      await this.outcomes.return(ctx.manager, kase, next.returned, {
        actor: systemActor('outcome-tracking'),
        causedBy: ctx.causedBy,
      });
    }
  }
}

import { Injectable } from '@nestjs/common';
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
  type EventEnvelope,
} from '@rj/shared/contracts';
import { on, prerequisiteKey, type HandlerContext, type Subscription } from '@rj/shared/messaging';
import { CaseOutcomeService } from '../outcome/case-outcome.service';
import { HarmedPartyNoticeService } from '../outcome/harmed-party-notice.service';
import { advanceStatus, keepEarliest, referralOf, requireCase, requireReferral } from './projection-store';

type Concluded = EventEnvelope<'case.concluded', DataOf<typeof CaseConcluded>>;
type Consent = EventEnvelope<'consent.recorded', DataOf<typeof ConsentRecorded>>;
type Confirmed = EventEnvelope<'contact.confirmed', DataOf<typeof ContactConfirmed>>;

/** rj.scheduling.v1: cases, mediators, consents, first contact and dialogue, conclusion. */
@Injectable()
export class SchedulingEventsHandler {
  constructor(
    private readonly outcomes: CaseOutcomeService,
    private readonly notices: HarmedPartyNoticeService,
  ) {}

  subscriptions(): Subscription[] {
    return [
      on(
        CaseOpened,
        (event, ctx) => this.onOpened(ctx.manager, referralOf(event), event.data, event.occurredAt),
        (event) => [prerequisiteKey('case', event.data.caseId)],
      ),
      on(MediatorRegistered, async (event, ctx) => {
        const d = event.data;
        await ctx.manager.upsert(MediatorEntity, { id: d.mediatorId, partnerId: d.partnerId, email: d.contact.email }, [
          'id',
        ]);
      }),
      on(MediatorDeclared, async (event, ctx) => {
        const kase = await requireCase(ctx.manager, event.data.caseId);
        // No conflict assigns the mediator; a conflict removes them (api.md, declarations).
        await ctx.manager.upsert(
          CaseMediatorEntity,
          { caseId: kase.id, mediatorId: event.data.mediatorId, assigned: !event.data.conflictOfInterest },
          ['caseId', 'mediatorId'],
        );
      }),
      on(ConsentRecorded, (event, ctx) => this.onConsent(ctx.manager, event)),
      on(ContactConfirmed, (event, ctx) => this.onContactConfirmed(event, ctx)),
      on(InformationRecorded, async (event, ctx) => {
        await requireCase(ctx.manager, event.data.caseId);
        await keepEarliest(ctx.manager, referralOf(event), 'first_contact_at', event.occurredAt);
      }),
      on(SessionScheduled, async (event, ctx) => {
        await requireCase(ctx.manager, event.data.caseId);
        await keepEarliest(ctx.manager, referralOf(event), 'first_contact_at', event.occurredAt);
      }),
      on(SessionCompleted, async (event, ctx) => {
        const kase = await requireCase(ctx.manager, event.data.caseId);
        if (event.data.kind === 'joint_dialogue' || event.data.kind === 'indirect_dialogue') {
          await ctx.manager.update(CaseEntity, { id: kase.id }, { dialogueHeld: true });
          await keepEarliest(ctx.manager, kase.referralId, 'first_dialogue_at', event.data.heldAt);
          // The first feedback survey counts from the last dialogue (issue 20).
          await ctx.manager.query(
            `update "case" set last_dialogue_at = greatest(coalesce(last_dialogue_at, $2::timestamptz), $2::timestamptz) where id = $1`,
            [kase.id, event.data.heldAt],
          );
        }
        await advanceStatus(ctx.manager, await requireReferral(ctx.manager, kase.referralId), event);
      }),
      on(CaseConcluded, (event, ctx) => this.onConcluded(event, ctx)),
      // What blocks a feedback survey for good (issue 20): a `stop` risk assessment, a disclosure. Codes only.
      on(RiskAssessed, async (event, ctx) => {
        const kase = await requireCase(ctx.manager, event.data.caseId);
        if (event.data.outcome === 'stop') await ctx.manager.update(CaseEntity, { id: kase.id }, { riskStop: true });
      }),
      on(DisclosureRecorded, async (event, ctx) => {
        const kase = await requireCase(ctx.manager, event.data.caseId);
        await ctx.manager.update(CaseEntity, { id: kase.id }, { disclosure: true });
      }),
    ];
  }

  private async onOpened(
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
  private async onContactConfirmed(event: Confirmed, ctx: HandlerContext): Promise<void> {
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

  private async onConsent(manager: EntityManager, event: Consent): Promise<void> {
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

  private async onConcluded(event: Concluded, ctx: HandlerContext): Promise<void> {
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

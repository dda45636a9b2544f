import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  CaseEntity,
  FollowUpEntity,
  OfficeEntity,
  ParticipantEntity,
  ReferralEntity,
  SelfDeclarationEntity,
} from '@rj/outcome/data-access';
import {
  JurisdictionSettingsChanged,
  OfficeRegistered,
  OfficeUpdated,
  ReferralPersonalDataErased,
  ReferralReviewed,
  ReferralScreened,
  ReferralSubmitted,
  ReferralWithdrawn,
} from '@rj/shared/contracts';
import { EventContext, EventPattern, prerequisiteKey, provides, type EventOf } from '@rj/shared/messaging';
import { keepLatestJurisdictionTimeZone } from '@rj/shared/notifications';
import { KeyStoreClient } from '@rj/shared/pii';
import { In } from 'typeorm';
import { advanceStatus, referralOf, requireReferral } from './projection-store';
import { insertSubmittedReferral } from './submitted-referral';

/** rj.referral.v1: offices, jurisdictions' time zones, referrals and their participants, withdrawal and erasure. */
@Controller()
export class ReferralEventsHandler {
  constructor(private readonly keyStore: KeyStoreClient) {}

  @EventPattern([OfficeRegistered.type, OfficeUpdated.type])
  async onOffice(
    @Payload() event: EventOf<typeof OfficeRegistered> | EventOf<typeof OfficeUpdated>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const d = event.data;
    await manager.upsert(
      OfficeEntity,
      { id: d.officeId, email: d.contact.email, jurisdictions: [...d.jurisdictions], updatedAt: new Date() },
      ['id'],
    );
  }

  /** Participants' mail waits out the quiet hours of their jurisdiction's zone (issue 21). */
  @EventPattern(JurisdictionSettingsChanged.type)
  async onJurisdictionSettings(
    @Payload() event: EventOf<typeof JurisdictionSettingsChanged>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await keepLatestJurisdictionTimeZone(manager, event.data, event.occurredAt);
  }

  @EventPattern(ReferralScreened.type)
  async onScreened(
    @Payload() event: EventOf<typeof ReferralScreened>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const eligible = event.data.outcome === 'eligible';
    await advanceStatus(manager, await requireReferral(manager, referralOf(event)), event, { eligible });
  }

  @EventPattern(ReferralReviewed.type)
  async onReviewed(
    @Payload() event: EventOf<typeof ReferralReviewed>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const eligible = event.data.decision === 'eligible';
    await advanceStatus(manager, await requireReferral(manager, referralOf(event)), event, { eligible });
  }

  @EventPattern(ReferralWithdrawn.type)
  async onWithdrawn(
    @Payload() event: EventOf<typeof ReferralWithdrawn>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await this.withdraw(manager, referralOf(event), event.occurredAt);
  }

  @EventPattern(ReferralPersonalDataErased.type)
  async onErased(
    @Payload() event: EventOf<typeof ReferralPersonalDataErased>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    // Drop the key at once; later notices find the data erased and are skipped.
    this.keyStore.forget(event.data.dataKeyId);
    await manager.update(ReferralEntity, { id: referralOf(event) }, { erasedAt: new Date(event.data.erasedAt) });
    // What its people self-declared goes with the referral (its key is destroyed too).
    await manager.delete(SelfDeclarationEntity, { referralId: referralOf(event) });
    // A participant's own time zone says where they live: it goes too (their jurisdiction's stays).
    await manager.update(ParticipantEntity, { referralId: referralOf(event) }, { timeZone: null });
  }

  /** The referral and its participants; events that overtook it (parked) run once it is applied. */
  @EventPattern(
    ReferralSubmitted.type,
    provides(ReferralSubmitted, (event) => [prerequisiteKey('referral', event.data.referralId)]),
  )
  async onSubmitted(
    @Payload() event: EventOf<typeof ReferralSubmitted>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    // The inbox makes this exactly once; a re-published copy finds the referral and writes nothing.
    await insertSubmittedReferral(manager, event);
  }

  /** api.md: every consumer stops its work; outcome-tracking drops follow-ups and deadlines and emits nothing. */
  private async withdraw(manager: EntityManager, referralId: string, at: string): Promise<void> {
    const referral = await requireReferral(manager, referralId);
    await manager.update(ReferralEntity, { id: referralId }, { withdrawnAt: new Date(at), status: 'withdrawn' });
    await manager.update(FollowUpEntity, { referralId, status: In(['scheduled', 'due']) }, { status: 'dropped' });
    await manager.update(
      CaseEntity,
      { referralId: referral.id, status: In(['open', 'awaiting_agreement', 'agreement']) },
      { status: 'withdrawn' },
    );
  }
}

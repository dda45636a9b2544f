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
    await advanceStatus(manager, await requireReferral(manager, referralOf(event)), event);
    if (event.data.outcome === 'eligible') await markEligible(manager, referralOf(event), event.occurredAt);
  }

  @EventPattern(ReferralReviewed.type)
  async onReviewed(
    @Payload() event: EventOf<typeof ReferralReviewed>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await advanceStatus(manager, await requireReferral(manager, referralOf(event)), event);
    if (event.data.decision === 'eligible') await markEligible(manager, referralOf(event), event.occurredAt);
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
    const d = event.data;
    // The inbox makes this exactly once; the check only guards a re-published copy.
    if (await manager.existsBy(ReferralEntity, { id: d.referralId })) return;
    await manager.insert(ReferralEntity, {
      id: d.referralId,
      officeId: d.officeId,
      jurisdiction: d.jurisdiction,
      source: d.source,
      dataKeyId: d.dataKeyId,
      submittedAt: new Date(event.occurredAt),
      status: 'submitted',
      offenseCategory: d.offense.category,
    });
    const participants = d.participants.map((p, position) => ({
      id: p.participantId,
      referralId: d.referralId,
      role: p.role,
      email: p.contact.email ?? null,
      safeChannels: [...p.contact.safeChannels],
      position,
      // Equity of access compares people by these (docs/metrics.md); codes, not personal data in clear.
      preferredLanguage: p.preferredLanguage,
      interpreter: p.interpreter,
      minor: p.minor,
    }));
    await manager.insert(ParticipantEntity, participants);
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

/** Screening or a review found the referral eligible (equity of access: screened eligible). */
async function markEligible(manager: EntityManager, referralId: string, at: string): Promise<void> {
  await manager.query(
    `update referral set screened_eligible_at = coalesce(screened_eligible_at, $2::timestamptz) where id = $1`,
    [referralId, at],
  );
}

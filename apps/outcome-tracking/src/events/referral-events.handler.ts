import { Injectable } from '@nestjs/common';
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
  type DataOf,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { on, prerequisiteKey, type Subscription } from '@rj/shared/messaging';
import { keepLatestJurisdictionTimeZone } from '@rj/shared/notifications';
import { KeyStoreClient } from '@rj/shared/pii';
import { In } from 'typeorm';
import { advanceStatus, referralOf, requireReferral } from './projection-store';

type Submitted = EventEnvelope<'referral.submitted', DataOf<typeof ReferralSubmitted>>;

/** rj.referral.v1: offices, jurisdictions' time zones, referrals and their participants, withdrawal and erasure. */
@Injectable()
export class ReferralEventsHandler {
  constructor(private readonly keyStore: KeyStoreClient) {}

  subscriptions(): Subscription[] {
    const office = (
      manager: EntityManager,
      d: { officeId: string; contact: { email: string }; jurisdictions: string[] },
    ) =>
      manager.upsert(
        OfficeEntity,
        { id: d.officeId, email: d.contact.email, jurisdictions: [...d.jurisdictions], updatedAt: new Date() },
        ['id'],
      );
    return [
      on(OfficeRegistered, async (event, ctx) => void (await office(ctx.manager, event.data))),
      on(OfficeUpdated, async (event, ctx) => void (await office(ctx.manager, event.data))),
      // Participants' mail waits out the quiet hours of their jurisdiction's zone (issue 21).
      on(JurisdictionSettingsChanged, (event, ctx) =>
        keepLatestJurisdictionTimeZone(ctx.manager, event.data, event.occurredAt),
      ),
      on(
        ReferralSubmitted,
        (event, ctx) => this.onSubmitted(ctx.manager, event),
        (event) => [prerequisiteKey('referral', event.data.referralId)],
      ),
      on(ReferralScreened, async (event, ctx) => {
        await advanceStatus(ctx.manager, await requireReferral(ctx.manager, referralOf(event)), event);
        if (event.data.outcome === 'eligible') await markEligible(ctx.manager, referralOf(event), event.occurredAt);
      }),
      on(ReferralReviewed, async (event, ctx) => {
        await advanceStatus(ctx.manager, await requireReferral(ctx.manager, referralOf(event)), event);
        if (event.data.decision === 'eligible') await markEligible(ctx.manager, referralOf(event), event.occurredAt);
      }),
      on(ReferralWithdrawn, (event, ctx) => this.onWithdrawn(ctx.manager, referralOf(event), event.occurredAt)),
      on(ReferralPersonalDataErased, async (event, ctx) => {
        // Drop the key at once; later notices find the data erased and are skipped.
        this.keyStore.forget(event.data.dataKeyId);
        await ctx.manager.update(
          ReferralEntity,
          { id: referralOf(event) },
          { erasedAt: new Date(event.data.erasedAt) },
        );
        // What its people self-declared goes with the referral (its key is destroyed too).
        await ctx.manager.delete(SelfDeclarationEntity, { referralId: referralOf(event) });
        // A participant's own time zone says where they live: it goes too (their jurisdiction's stays).
        await ctx.manager.update(ParticipantEntity, { referralId: referralOf(event) }, { timeZone: null });
      }),
    ];
  }

  private async onSubmitted(manager: EntityManager, event: Submitted): Promise<void> {
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
  private async onWithdrawn(manager: EntityManager, referralId: string, at: string): Promise<void> {
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

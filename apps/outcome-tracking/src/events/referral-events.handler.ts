import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseEntity, FollowUpEntity, OfficeEntity, ParticipantEntity, ReferralEntity } from '@rj/outcome/data-access';
import {
  OfficeRegistered, OfficeUpdated, ReferralPersonalDataErased, ReferralReviewed, ReferralScreened, ReferralSubmitted, ReferralWithdrawn,
  type DataOf, type EventEnvelope,
} from '@rj/shared/contracts';
import { on, prerequisiteKey, type Subscription } from '@rj/shared/messaging';
import { KeyStoreClient } from '@rj/shared/pii';
import { In } from 'typeorm';
import { advanceStatus, referralOf, requireReferral } from './projection-store';

type Submitted = EventEnvelope<'referral.submitted', DataOf<typeof ReferralSubmitted>>;

/** rj.referral.v1: offices, referrals and their participants, withdrawal and erasure. */
@Injectable()
export class ReferralEventsHandler {
  constructor(private readonly keyStore: KeyStoreClient) {}

  subscriptions(): Subscription[] {
    const office = (manager: EntityManager, d: { officeId: string; contact: { email: string } }) =>
      manager.upsert(OfficeEntity, { id: d.officeId, email: d.contact.email, updatedAt: new Date() }, ['id']);
    return [
      on(OfficeRegistered, async (event, ctx) => void (await office(ctx.manager, event.data))),
      on(OfficeUpdated, async (event, ctx) => void (await office(ctx.manager, event.data))),
      on(ReferralSubmitted, (event, ctx) => this.onSubmitted(ctx.manager, event), (event) => [prerequisiteKey('referral', event.data.referralId)]),
      on(ReferralScreened, async (event, ctx) => {
        const outcome = event.data.outcome;
        await advanceStatus(ctx.manager, await requireReferral(ctx.manager, referralOf(event)), outcome === 'eligible' ? 'matching' : outcome);
      }),
      on(ReferralReviewed, async (event, ctx) => {
        await advanceStatus(ctx.manager, await requireReferral(ctx.manager, referralOf(event)), event.data.decision === 'eligible' ? 'matching' : 'ineligible');
      }),
      on(ReferralWithdrawn, (event, ctx) => this.onWithdrawn(ctx.manager, referralOf(event), event.occurredAt)),
      on(ReferralPersonalDataErased, async (event, ctx) => {
        // Drop the key at once; later notices find the data erased and are skipped.
        this.keyStore.forget(event.data.dataKeyId);
        await ctx.manager.update(ReferralEntity, { id: referralOf(event) }, { erasedAt: new Date(event.data.erasedAt) });
      }),
    ];
  }

  private async onSubmitted(manager: EntityManager, event: Submitted): Promise<void> {
    const d = event.data;
    // The inbox makes this exactly once; the check only guards a re-published copy.
    if (await manager.existsBy(ReferralEntity, { id: d.referralId })) return;
    await manager.insert(ReferralEntity, {
      id: d.referralId, officeId: d.officeId, jurisdiction: d.jurisdiction, source: d.source, dataKeyId: d.dataKeyId,
      submittedAt: new Date(event.occurredAt), status: 'submitted',
    });
    const participants = d.participants.map((p, position) => ({
      id: p.participantId, referralId: d.referralId, role: p.role, email: p.contact.email ?? null, safeChannels: [...p.contact.safeChannels], position,
    }));
    await manager.insert(ParticipantEntity, participants);
  }

  /** api.md: every consumer stops its work; outcome-tracking drops follow-ups and deadlines and emits nothing. */
  private async onWithdrawn(manager: EntityManager, referralId: string, at: string): Promise<void> {
    const referral = await requireReferral(manager, referralId);
    await manager.update(ReferralEntity, { id: referralId }, { withdrawnAt: new Date(at), status: 'withdrawn' });
    await manager.update(FollowUpEntity, { referralId, status: In(['scheduled', 'due']) }, { status: 'dropped' });
    await manager.update(CaseEntity, { referralId: referral.id, status: In(['open', 'awaiting_agreement', 'agreement']) }, { status: 'withdrawn' });
  }
}

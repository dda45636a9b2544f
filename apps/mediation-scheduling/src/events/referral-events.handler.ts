import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  ReferralPersonalDataErased,
  JurisdictionSettingsChanged,
  ReferralSubmitted,
  ReferralWithdrawn,
  systemActor,
} from '@rj/shared/contracts';
import { EventContext, EventPattern, prerequisiteKey, provides, type EventOf } from '@rj/shared/messaging';
import { KeyStoreClient } from '@rj/shared/pii';
import { keepLatestJurisdictionTimeZone } from '@rj/shared/notifications';
import { MediationCaseEntity } from '@rj/scheduling/data-access';
import { saveCase } from '../cases/case-store';
import { concludeCase } from '../preparation/conclusion.service';
import { SchedulingJobs } from '../reminders/scheduling-jobs';

/** rj.referral.v1: the participants, the prosecutor's withdrawal, and erasure. */
@Controller()
export class ReferralEventsHandler {
  constructor(
    private readonly keyStore: KeyStoreClient,
    private readonly jobs: SchedulingJobs,
  ) {}

  /** The highest version wins: an older or repeated one, delivered late or again, changes nothing. */
  @EventPattern(JurisdictionSettingsChanged.type)
  async onJurisdictionSettings(
    @Payload() event: EventOf<typeof JurisdictionSettingsChanged>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await keepLatestJurisdictionTimeZone(ctx.manager, event.data, event.occurredAt);
  }

  /** Participants kept as referral.submitted carried them: contacts stay ciphertext. Releases an offer.accepted parked for them. */
  @EventPattern(
    ReferralSubmitted.type,
    provides(ReferralSubmitted, (event) => [prerequisiteKey('referral', event.data.referralId)]),
  )
  async onSubmitted(@Payload() event: EventOf<typeof ReferralSubmitted>, @Ctx() ctx: EventContext): Promise<void> {
    const { referralId, officeId, dataKeyId, participants, jurisdiction } = event.data;
    // The jurisdiction picks the practice thresholds a proposal for the case applies (issue 22).
    await ctx.manager.query(
      `insert into referral_snapshot (referral_id, office_id, data_key_id, participants, jurisdiction) values ($1, $2, $3, $4::jsonb, $5)
       on conflict (referral_id) do update set office_id = excluded.office_id, data_key_id = excluded.data_key_id,
         participants = coalesce(referral_snapshot.participants, excluded.participants), jurisdiction = excluded.jurisdiction`,
      [referralId, officeId, dataKeyId, JSON.stringify(participants), jurisdiction],
    );
  }

  /**
   * api.md: the prosecutor's withdrawal ends the case — sessions and reminders cancelled, the
   * case concluded with `referral_withdrawn`. Final: an offer.accepted after it opens nothing.
   */
  @EventPattern(ReferralWithdrawn.type)
  async onWithdrawn(@Payload() event: EventOf<typeof ReferralWithdrawn>, @Ctx() ctx: EventContext): Promise<void> {
    const referralId = event.referralId as string;
    const now = new Date();
    await this.markSnapshot(ctx.manager, referralId, 'withdrawn_at', now);
    const row = await ctx.manager.findOne(MediationCaseEntity, {
      where: { referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row || row.status === 'concluded') return;
    const cause = { actor: systemActor('mediation-scheduling'), causedBy: ctx.causedBy };
    const cancelled = await concludeCase(
      ctx.manager,
      row,
      { agreementReached: false, reasonCode: 'referral_withdrawn' },
      'platform',
      cause,
      now,
    );
    await saveCase(ctx.manager, row, now);
    // Removed before the commit (a consumer has no after-commit hook): should the transaction
    // fail, the sessions are still scheduled and the sweep adds their reminders back.
    await this.jobs.planner.safely(() => Promise.all(cancelled.map((session) => this.jobs.planner.unplan(session))));
  }

  /** Crypto-shredding: drop the cached key at once; reads and reminders see the erasure. */
  @EventPattern(ReferralPersonalDataErased.type)
  async onErased(
    @Payload() event: EventOf<typeof ReferralPersonalDataErased>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    this.keyStore.forget(event.data.dataKeyId);
    await this.markSnapshot(
      ctx.manager,
      event.referralId as string,
      'personal_data_erased_at',
      new Date(event.data.erasedAt),
    );
    // A participant's own time zone says where they live: it goes with the rest of their personal
    // data (their jurisdiction's zone, which is not theirs, stays for the case's other mail).
    await ctx.manager.query(
      `update contact_confirmation set time_zone = null
       where time_zone is not null and case_id in (select id from mediation_case where referral_id = $1)`,
      [event.referralId],
    );
  }

  private async markSnapshot(
    manager: EntityManager,
    referralId: string,
    column: 'withdrawn_at' | 'personal_data_erased_at',
    at: Date,
  ): Promise<void> {
    await manager.query(
      `insert into referral_snapshot (referral_id, ${column}) values ($1, $2)
       on conflict (referral_id) do update set ${column} = coalesce(referral_snapshot.${column}, excluded.${column})`,
      [referralId, at],
    );
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { MediatorPracticeVerified, MediatorUpdated } from '@rj/shared/contracts';
import { EventContext, EventPattern, type EventOf } from '@rj/shared/messaging';

/**
 * mediator.practice_verified from mediation-scheduling: a verified specialist credential lets
 * its partner take overridden domestic or sexual violence referrals of its categories, until
 * its expiry day ends (issue 22). Other records are not matching's business. Idempotent: the
 * record id is the key. mediator.updated (same partition: keyed by the mediator) carries
 * whether the mediator is active: a deactivated one's credentials stop counting.
 */
@Controller()
export class PracticeEventsHandler {
  @EventPattern(MediatorPracticeVerified.type)
  async onPracticeVerified(
    @Payload() event: EventOf<typeof MediatorPracticeVerified>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const { recordId, partnerId, mediatorId, recordType, kind, offenseCategories, expiresOn } = event.data;
    if (recordType !== 'credential' || kind !== 'specialist_dv_sv') return;
    await manager.query(
      `insert into specialist_credential (record_id, partner_id, mediator_id, categories, expires_on) values ($1, $2, $3, $4::jsonb, $5)
       on conflict (record_id) do nothing`,
      [recordId, partnerId, mediatorId, JSON.stringify(offenseCategories), expiresOn ?? null],
    );
  }

  @EventPattern(MediatorUpdated.type)
  async onMediatorUpdated(
    @Payload() event: EventOf<typeof MediatorUpdated>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await manager.query('update specialist_credential set mediator_active = $2 where mediator_id = $1', [
      event.data.mediatorId,
      event.data.active,
    ]);
  }
}

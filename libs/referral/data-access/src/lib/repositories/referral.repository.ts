import type { EntityManager } from 'typeorm';
import { PartyEntity } from '../entities/party.entity';
import { ReferralStatusChangeEntity } from '../entities/referral-status-change.entity';
import { ReferralEntity } from '../entities/referral.entity';
import { lockById } from '@rj/shared/persistence';

/**
 * The referral's row, locked for the rest of the transaction. Every change of a referral —
 * a prosecutor's command or another service's event — takes this lock first, so its status
 * moves one step at a time and its events enter the outbox in commit order.
 */
export function lockReferral(manager: EntityManager, id: string): Promise<ReferralEntity | null> {
  return lockById(manager, ReferralEntity, id);
}

export interface StatusChange {
  referralId: string;
  status: string;
  at: Date | string;
  cause: string;
  eventId: string | null;
}

/**
 * Moves the referral to `status` and writes the step into its history: one statement (the update
 * in a data-modifying WITH, which Postgres runs whether or not it is referenced), as every offer
 * made moves a referral (issue 15).
 */
export async function recordStatusChange(manager: EntityManager, change: StatusChange): Promise<void> {
  await manager.query(
    `with moved as (update referral set status = $2, updated_at = $3 where id = $1)
     insert into referral_status_change (referral_id, status, at, cause, event_id) values ($1, $2, $4, $5, $6)`,
    [change.referralId, change.status, new Date(), new Date(change.at), change.cause, change.eventId],
  );
}

export function partiesOf(manager: EntityManager, referralId: string): Promise<PartyEntity[]> {
  return manager.find(PartyEntity, { where: { referralId }, order: { position: 'ASC' } });
}

export function statusHistoryOf(manager: EntityManager, referralId: string): Promise<ReferralStatusChangeEntity[]> {
  return manager.find(ReferralStatusChangeEntity, { where: { referralId }, order: { id: 'ASC' } });
}

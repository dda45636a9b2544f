import type { EntityManager } from 'typeorm';
import { CaseEntity, ReferralEntity } from '@rj/outcome/data-access';
import { nextReferralStatus, type ReferralStatus, type StatusEventData } from '@rj/shared/contracts';
import { MissingPrerequisite, prerequisiteKey } from '@rj/shared/messaging';
import { lockById } from '@rj/shared/persistence';

/**
 * Cross-topic events come in no fixed order (architecture.md, Ordering): an event whose
 * referral or case is not known yet waits, parked, for the event that provides it.
 */
export async function requireReferral(manager: EntityManager, referralId: string): Promise<ReferralEntity> {
  const referral = await lockById(manager, ReferralEntity, referralId);
  if (!referral) throw new MissingPrerequisite(prerequisiteKey('referral', referralId));
  return referral;
}

/** The case row, locked: one referral's outcome events are written under this lock. */
export async function requireCase(manager: EntityManager, caseId: string): Promise<CaseEntity> {
  const kase = await lockById(manager, CaseEntity, caseId);
  if (!kase) throw new MissingPrerequisite(prerequisiteKey('case', caseId));
  return kase;
}

/**
 * Our copy of the referral's status moves as every service's does (nextReferralStatus). With
 * `eligible`, screening or a review found the referral eligible (equity of access: screened
 * eligible), kept in the same statement (issue 15: one round trip, not two).
 */
export async function advanceStatus(
  manager: EntityManager,
  referral: ReferralEntity,
  event: { type: string; occurredAt: string; data?: object },
  { eligible = false }: { eligible?: boolean } = {},
): Promise<void> {
  const next = nextStatusOf(referral, event);
  if (next === referral.status && !eligible) return;
  await manager.query(
    `update referral set status = $2,
       screened_eligible_at = case when $3 then coalesce(screened_eligible_at, $4::timestamptz) else screened_eligible_at end
     where id = $1`,
    [referral.id, next, eligible, event.occurredAt],
  );
}

/** The status the referral moves to with this event (its own when the event does not move it). */
export function nextStatusOf(referral: ReferralEntity, event: { type: string; data?: object }): ReferralStatus {
  return nextReferralStatus(referral.status as ReferralStatus, event.type, event.data as StatusEventData);
}

/** Keeps the earliest instant of a milestone (first contact, first dialogue). */
export async function keepEarliest(
  manager: EntityManager,
  referralId: string,
  column: 'first_contact_at' | 'first_dialogue_at',
  at: string,
): Promise<void> {
  await manager.query(
    `update referral set ${column} = least(coalesce(${column}, $2::timestamptz), $2::timestamptz) where id = $1`,
    [referralId, at],
  );
}

/** A referral-scoped event's referral (the envelope schema guarantees it is set). */
export function referralOf(event: { referralId: string | null; type: string }): string {
  if (!event.referralId) throw new Error(`${event.type} arrived without its referralId`);
  return event.referralId;
}

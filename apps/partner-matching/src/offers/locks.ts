import type { EntityManager } from 'typeorm';
import { OfferEntity, PartnerEntity, ReferralEntity } from '@rj/matching/data-access';

/**
 * Row locks, always taken in this order: referral → offer → partner. The referral's lock also
 * orders its events in the outbox (developing-a-service.md: write one referral's events while
 * holding that referral's row), the offer's settles accept against expiry (exactly one wins),
 * the partner's keeps concurrent accepts within its capacity.
 */
export function lockReferral(manager: EntityManager, id: string): Promise<ReferralEntity | null> {
  return manager.findOne(ReferralEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

export function lockOffer(manager: EntityManager, id: string): Promise<OfferEntity | null> {
  return manager.findOne(OfferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

export function lockPartner(manager: EntityManager, id: string): Promise<PartnerEntity | null> {
  return manager.findOne(PartnerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** A row a foreign key or an earlier read guarantees; its absence is a bug, not a 404. */
export function present<T>(row: T | null, what: string): T {
  if (row === null) throw new Error(`${what} vanished inside its own transaction`);
  return row;
}

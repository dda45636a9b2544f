import type { EntityManager } from 'typeorm';
import { OfferEntity, PartnerEntity, ReferralEntity } from '@rj/matching/data-access';
import { lockById } from '@rj/shared/persistence';

/**
 * Row locks, always taken in this order: referral → offer → partner. The referral's lock also
 * orders its events in the outbox (developing-a-service.md: write one referral's events while
 * holding that referral's row), the offer's settles accept against expiry (exactly one wins),
 * the partner's keeps concurrent accepts within its capacity.
 */
export function lockReferral(manager: EntityManager, id: string): Promise<ReferralEntity | null> {
  return lockById(manager, ReferralEntity, id);
}

export function lockOffer(manager: EntityManager, id: string): Promise<OfferEntity | null> {
  return lockById(manager, OfferEntity, id);
}

export function lockPartner(manager: EntityManager, id: string): Promise<PartnerEntity | null> {
  return lockById(manager, PartnerEntity, id);
}

/** A row a foreign key or an earlier read guarantees; its absence is a bug, not a 404. */
export function present<T>(row: T | null, what: string): T {
  if (row === null) throw new Error(`${what} vanished inside its own transaction`);
  return row;
}

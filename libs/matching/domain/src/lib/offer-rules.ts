import { InvalidInput, RuleViolation, type OfferStatus } from '@rj/shared/contracts';
import { hasFreeCapacity } from './hard-constraints';
import type { PartnerProfile } from './matching-profile';

export type OfferAction = 'accept' | 'decline' | 'expire' | 'withdraw';

export interface OfferSnapshot {
  readonly partnerId: string;
  readonly status: OfferStatus;
  readonly expiresAt: Date;
}

const HOUR_MS = 3_600_000;

/** Offers expire (product.md, Timeliness): the partner's own response window from now. */
export function offerExpiresAt(now: Date, responseHours: number): Date {
  if (!Number.isFinite(responseHours) || responseHours <= 0) {
    throw new InvalidInput('responseHours must be a positive number', [
      { field: 'responseHours', message: 'must be positive' },
    ]);
  }
  return new Date(now.getTime() + Math.round(responseHours * HOUR_MS));
}

/** An offer is answered once, and only before it expires (api.md: accept/decline 409). */
export function assertOfferAnswerable(offer: OfferSnapshot, now: Date): void {
  if (offer.status !== 'pending') {
    throw new RuleViolation('offer_already_answered', `the offer is already ${offer.status}`);
  }
  if (now.getTime() >= offer.expiresAt.getTime()) {
    throw new RuleViolation('offer_expired', 'the offer expired before it was answered');
  }
}

/**
 * The offer's status after an action. Accept and decline must be answerable; expiry comes only
 * at the deadline; an expiry or withdrawal that finds the offer already answered leaves it as
 * it is, so a timer that lost the race to the partner's answer does no harm.
 */
export function offerStatusAfter(offer: OfferSnapshot, action: OfferAction, now: Date): OfferStatus {
  switch (action) {
    case 'accept':
      assertOfferAnswerable(offer, now);
      return 'accepted';
    case 'decline':
      assertOfferAnswerable(offer, now);
      return 'declined';
    case 'expire':
      if (offer.status !== 'pending') return offer.status;
      if (now.getTime() < offer.expiresAt.getTime()) {
        throw new RuleViolation('offer_not_yet_expired', 'the offer is still within its response window');
      }
      return 'expired';
    case 'withdraw':
      return offer.status === 'pending' ? 'withdrawn' : offer.status;
  }
}

/**
 * A partner accepts only with free capacity at that moment: capacity may have filled since the
 * offer was made (product.md, Matching: "has free capacity").
 */
export function assertCapacityAvailable(partner: Pick<PartnerProfile, 'capacity' | 'openCases'>): void {
  if (!hasFreeCapacity(partner)) {
    throw new RuleViolation(
      'partner_capacity',
      `the partner has no free capacity (${partner.openCases} of ${partner.capacity} in use)`,
    );
  }
}

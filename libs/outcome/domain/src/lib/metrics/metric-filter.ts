import { dateOfInstant } from '../calendar-date';
import type { MetricsFilter, OfferFacts, ReferralFacts } from './facts';

/**
 * Referrals in scope of a filter. Jurisdiction and period (inclusive, on the UTC date the
 * referral was submitted) select referrals. A partner filter selects the referrals that partner
 * accepted — except for offers (response time, decline reasons), which are that partner's own
 * offers on any referral in scope: a partner is answerable for the offers it received, not only
 * the ones it took.
 */
export function referralsInScope(facts: readonly ReferralFacts[], filter: MetricsFilter = {}): ReferralFacts[] {
  return facts.filter((referral) => {
    if (filter.jurisdiction !== undefined && referral.jurisdiction !== filter.jurisdiction) return false;
    const submittedOn = dateOfInstant(referral.submittedAt);
    if (filter.from !== undefined && submittedOn < filter.from) return false;
    if (filter.to !== undefined && submittedOn > filter.to) return false;
    return true;
  });
}

export interface ScopedFacts {
  /** Referrals matching jurisdiction, period and (when given) accepting partner. */
  referrals: ReferralFacts[];
  /** Offers on referrals matching jurisdiction and period, made to the partner when given. */
  offers: OfferFacts[];
}

export function scopeFacts(facts: readonly ReferralFacts[], filter: MetricsFilter = {}): ScopedFacts {
  const inScope = referralsInScope(facts, filter);
  const partner = filter.partnerId;
  return {
    referrals: partner === undefined ? inScope : inScope.filter((referral) => referral.partnerId === partner),
    offers: inScope
      .flatMap((referral) => referral.offers)
      .filter((offer) => partner === undefined || offer.partnerId === partner),
  };
}

import { MAX_MATCH_PARTNERS } from '@rj/shared/contracts';
import { constraintContext, exclusionMask, reasonsOfMask, type ExclusionReason } from './hard-constraints';
import type { MatchingAttributes, PartnerProfile } from './matching-profile';
import type { RankedCandidate } from './rank-partners';

/**
 * Offers go out in the order of the candidates match.computed carries, and that event holds at
 * most MAX_MATCH_PARTNERS of them (offer.made's `rank` is bounded the same way): a referral no
 * one of the best 200 takes goes back to the prosecutor.
 */
export const MAX_OFFER_RANK = MAX_MATCH_PARTNERS;

export interface NextOffer {
  readonly candidate: RankedCandidate;
  /** 1 = the best candidate of the match. */
  readonly rank: number;
}

export interface PassedOver {
  readonly partnerId: string;
  readonly reasons: readonly (ExclusionReason | 'partner_unknown')[];
}

export interface NextOfferDecision {
  readonly next: NextOffer | null;
  /** Candidates skipped because they fail a hard constraint now (capacity filled since, deactivated). */
  readonly passedOver: readonly PassedOver[];
}

/**
 * Decline or no answer: the next candidate (product.md, Offer), in the order the match ranked
 * them, never a partner already asked. The ranking stays as it was computed, for the auditor;
 * but a candidate that fails a hard constraint by now (its capacity filled, it was deactivated
 * or stopped serving the area) is passed over rather than offered a case it may not take.
 * `profileOf` gives each partner's current profile.
 */
export function nextOffer(
  candidates: readonly RankedCandidate[],
  offeredPartnerIds: Iterable<string>,
  referral: MatchingAttributes,
  profileOf: (partnerId: string) => PartnerProfile | undefined,
): NextOfferDecision {
  const offered = new Set(offeredPartnerIds);
  const ctx = constraintContext(referral, offered);
  const passedOver: PassedOver[] = [];
  const last = Math.min(candidates.length, MAX_OFFER_RANK);
  for (let index = 0; index < last; index++) {
    const candidate = candidates[index];
    if (offered.has(candidate.partnerId)) continue;
    const profile = profileOf(candidate.partnerId);
    if (!profile) {
      passedOver.push({ partnerId: candidate.partnerId, reasons: ['partner_unknown'] });
      continue;
    }
    const mask = exclusionMask(profile, ctx);
    if (mask !== 0) {
      passedOver.push({ partnerId: candidate.partnerId, reasons: reasonsOfMask(mask) });
      continue;
    }
    return { next: { candidate, rank: index + 1 }, passedOver };
  }
  return { next: null, passedOver };
}

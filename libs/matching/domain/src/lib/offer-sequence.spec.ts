import { MAX_OFFER_RANK, nextOffer } from './offer-sequence';
import type { PartnerProfile } from './matching-profile';
import type { RankedCandidate } from './rank-partners';
import { partnerFits, referralFits } from '../test/matching-fixtures';

const candidate = (partnerId: string, score = 1): RankedCandidate => ({ partnerId, score, reasons: [] });
const profiles = (...list: PartnerProfile[]) => {
  const byId = new Map(list.map((p) => [p.partnerId, p]));
  return (id: string) => byId.get(id);
};

describe('nextOffer (product.md, Offer: decline or no answer, the next candidate)', () => {
  const ranked = [candidate('p1', 3), candidate('p2', 2), candidate('p3', 1)];
  const all = profiles(
    partnerFits({ partnerId: 'p1' }),
    partnerFits({ partnerId: 'p2' }),
    partnerFits({ partnerId: 'p3' }),
  );

  it('offers the best candidate first, with its rank', () => {
    expect(nextOffer(ranked, [], referralFits(), all)).toEqual({
      next: { candidate: ranked[0], rank: 1 },
      passedOver: [],
    });
  });

  it('never asks a partner twice, whatever became of the first offer', () => {
    expect(nextOffer(ranked, ['p1'], referralFits(), all).next).toEqual({ candidate: ranked[1], rank: 2 });
    expect(nextOffer(ranked, ['p1', 'p2', 'p3'], referralFits(), all).next).toBeNull();
  });

  it('passes over a candidate whose capacity filled since the match, and says why', () => {
    const lookup = profiles(
      partnerFits({ partnerId: 'p1', capacity: 2, openCases: 2 }),
      partnerFits({ partnerId: 'p2' }),
    );
    expect(nextOffer(ranked, [], referralFits(), lookup)).toEqual({
      next: { candidate: ranked[1], rank: 2 },
      passedOver: [{ partnerId: 'p1', reasons: ['no_free_capacity'] }],
    });
  });

  it('passes over a deactivated candidate and one that no longer exists', () => {
    const lookup = profiles(partnerFits({ partnerId: 'p1', active: false }), partnerFits({ partnerId: 'p3' }));
    const decision = nextOffer(ranked, [], referralFits(), lookup);
    expect(decision.next?.candidate.partnerId).toBe('p3');
    expect(decision.passedOver).toEqual([
      { partnerId: 'p1', reasons: ['inactive'] },
      { partnerId: 'p2', reasons: ['partner_unknown'] },
    ]);
  });

  it('still holds a specialist-only referral to specialists', () => {
    const lookup = profiles(partnerFits({ partnerId: 'p1', offenseCategories: ['domestic_violence'] }));
    const referral = referralFits({ offenseCategory: 'domestic_violence', requiresSpecialist: true });
    expect(nextOffer([candidate('p1')], [], referral, lookup)).toEqual({
      next: null,
      passedOver: [{ partnerId: 'p1', reasons: ['specialist_required'] }],
    });
  });

  it(`offers no further than rank ${MAX_OFFER_RANK}, the candidates match.computed can carry`, () => {
    const many = Array.from({ length: MAX_OFFER_RANK + 5 }, (_, i) => candidate(`p${i}`));
    const lookup = (id: string) => partnerFits({ partnerId: id });
    const offered = many.slice(0, MAX_OFFER_RANK - 1).map((c) => c.partnerId);
    expect(nextOffer(many, offered, referralFits(), lookup).next?.rank).toBe(MAX_OFFER_RANK);
    expect(nextOffer(many, [...offered, `p${MAX_OFFER_RANK - 1}`], referralFits(), lookup).next).toBeNull();
  });
});

import { constraintContext, exclusionReasons, type ExclusionReason } from './hard-constraints';
import type { MatchingAttributes, PartnerProfile } from './matching-profile';
import { partnerFits, referralFits } from '../test/matching-fixtures';

describe('hard constraints (product.md, Matching)', () => {
  it('lets a partner that meets every constraint through', () => {
    expect(exclusionReasons(partnerFits(), constraintContext(referralFits()))).toEqual([]);
  });

  const cases: [string, ExclusionReason, Partial<PartnerProfile>, Partial<MatchingAttributes>, string[]?][] = [
    ['excludes an inactive partner', 'inactive', { active: false }, {}],
    ['excludes a partner outside the jurisdiction', 'jurisdiction_not_served', { jurisdictions: ['NL-ZH'] }, {}],
    [
      'excludes a partner that does not take the offence category',
      'category_not_taken',
      { offenseCategories: ['theft'] },
      {},
    ],
    [
      'excludes a non-specialist when the category needs a specialist',
      'specialist_required',
      { offenseCategories: ['domestic_violence'], specialties: ['assault'] },
      { offenseCategory: 'domestic_violence', requiresSpecialist: true },
    ],
    [
      'excludes a partner that does not serve minors when a party is a minor',
      'minors_not_served',
      { servesMinors: false },
      { hasMinor: true },
    ],
    ['excludes a partner whose open cases fill its capacity', 'no_free_capacity', { capacity: 3, openCases: 3 }, {}],
    ['excludes a partner with no capacity at all', 'no_free_capacity', { capacity: 0, openCases: 0 }, {}],
    [
      'excludes a partner that already declined or let the offer expire',
      'already_declined_or_expired',
      {},
      {},
      ['partner-a'],
    ],
  ];

  it.each(cases)('%s', (_name, reason, partner, referral, declined = []) => {
    expect(exclusionReasons(partnerFits(partner), constraintContext(referralFits(referral), declined))).toEqual([
      reason,
    ]);
  });

  it('accepts a specialist for a category that needs one: approved by an admin and with a credentialed specialist mediator (issue 22)', () => {
    const partner = partnerFits({ offenseCategories: ['domestic_violence'], specialties: ['domestic_violence'] });
    const ctx = constraintContext(
      referralFits({
        offenseCategory: 'domestic_violence',
        requiresSpecialist: true,
        credentialedSpecialistPartnerIds: [partner.partnerId],
      }),
    );
    expect(exclusionReasons(partner, ctx)).toEqual([]);
  });

  it('excludes an approved specialist partner without a mediator holding a valid specialist credential, and a credentialed one the admin did not approve', () => {
    const approved = partnerFits({ offenseCategories: ['domestic_violence'], specialties: ['domestic_violence'] });
    const notApproved = partnerFits({ offenseCategories: ['domestic_violence'], specialties: [] });
    const referral = { offenseCategory: 'domestic_violence', requiresSpecialist: true };
    expect(exclusionReasons(approved, constraintContext(referralFits(referral)))).toEqual(['specialist_required']);
    expect(
      exclusionReasons(
        approved,
        constraintContext(referralFits({ ...referral, credentialedSpecialistPartnerIds: ['someone-else'] })),
      ),
    ).toEqual(['specialist_required']);
    expect(
      exclusionReasons(
        notApproved,
        constraintContext(referralFits({ ...referral, credentialedSpecialistPartnerIds: [notApproved.partnerId] })),
      ),
    ).toEqual(['specialist_required']);
  });

  it('asks a specialist for the category the review named', () => {
    const referral = referralFits({
      offenseCategory: 'assault',
      requiresSpecialist: true,
      specialistCategory: 'domestic_violence',
      credentialedSpecialistPartnerIds: [partnerFits().partnerId],
    });
    const specialist = partnerFits({ specialties: ['domestic_violence'] });
    const assaultOnly = partnerFits({ specialties: ['assault'] });
    expect(exclusionReasons(specialist, constraintContext(referral))).toEqual([]);
    expect(exclusionReasons(assaultOnly, constraintContext(referral))).toEqual(['specialist_required']);
  });

  it('asks no specialist when screening let the category through', () => {
    expect(
      exclusionReasons(
        partnerFits({ specialties: [] }),
        constraintContext(referralFits({ requiresSpecialist: false })),
      ),
    ).toEqual([]);
  });

  it('does not ask for minors service when no party is a minor', () => {
    expect(
      exclusionReasons(partnerFits({ servesMinors: false }), constraintContext(referralFits({ hasMinor: false }))),
    ).toEqual([]);
  });

  it('names every constraint a partner fails, in a stable order', () => {
    const partner = partnerFits({ active: false, jurisdictions: [], servesMinors: false, openCases: 9 });
    expect(exclusionReasons(partner, constraintContext(referralFits({ hasMinor: true })))).toEqual([
      'inactive',
      'jurisdiction_not_served',
      'minors_not_served',
      'no_free_capacity',
    ]);
  });
});

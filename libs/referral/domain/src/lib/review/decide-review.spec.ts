import { Forbidden, ReferralReviewed, RuleViolation, validateEventData, type Role } from '@rj/shared/contracts';
import type { ScreeningDecision } from '../screening/screening-decision';
import { decideReview, reviewedEventData } from './decide-review';

const needsReview: Pick<ScreeningDecision, 'outcome' | 'reasons'> = {
  outcome: 'needs_review',
  reasons: [{ rule: 'protective_order_review', detail: 'protective_order' }],
};
const excludedCategory: Pick<ScreeningDecision, 'outcome' | 'reasons'> = {
  outcome: 'ineligible',
  reasons: [{ rule: 'excluded_offense_category', detail: 'domestic_violence' }],
};
const stageOnly: Pick<ScreeningDecision, 'outcome' | 'reasons'> = {
  outcome: 'ineligible',
  reasons: [{ rule: 'stage_not_allowed', detail: 'post_conviction' }],
};

function ruleOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as RuleViolation).rule ?? ((error as Forbidden).details?.rule as string);
  }
  return undefined;
}

describe('decideReview', () => {
  it.each<Role>(['prosecutor', 'admin'])('lets a %s decide a needs_review screening either way', (reviewerRole) => {
    expect(
      decideReview({ current: needsReview, decision: 'eligible', reason: 'victim asked for it', reviewerRole }),
    ).toMatchObject({
      status: 'matching',
      overrodeExclusion: false,
      requiresSpecialist: false,
    });
    expect(
      decideReview({ current: needsReview, decision: 'ineligible', reason: 'order forbids contact', reviewerRole })
        .status,
    ).toBe('ineligible');
  });

  it.each<Role>(['partner_admin', 'mediator', 'auditor', 'service'])('refuses a %s (403)', (reviewerRole) => {
    expect(() => decideReview({ current: needsReview, decision: 'eligible', reason: 'x', reviewerRole })).toThrow(
      Forbidden,
    );
  });

  it('lets only an admin override an excluded category, and then only specialists may take it', () => {
    const result = decideReview({
      current: excludedCategory,
      decision: 'eligible',
      reason: 'MOU with the DV network',
      reviewerRole: 'admin',
    });
    expect(result).toMatchObject({
      status: 'matching',
      overrodeIneligible: true,
      overrodeExclusion: true,
      requiresSpecialist: true,
      specialistCategory: 'domestic_violence',
    });
    expect(() =>
      decideReview({ current: excludedCategory, decision: 'eligible', reason: 'x', reviewerRole: 'prosecutor' }),
    ).toThrow(Forbidden);
    expect(
      ruleOf(() =>
        decideReview({ current: excludedCategory, decision: 'eligible', reason: 'x', reviewerRole: 'prosecutor' }),
      ),
    ).toBe('exclusion_override_admin_only');
  });

  it('needs a non-empty reason for an override, and for any review', () => {
    expect(() =>
      decideReview({ current: excludedCategory, decision: 'eligible', reason: '   ', reviewerRole: 'admin' }),
    ).toThrow(RuleViolation);
    expect(
      ruleOf(() =>
        decideReview({ current: needsReview, decision: 'eligible', reason: '', reviewerRole: 'prosecutor' }),
      ),
    ).toBe('review_reason_required');
  });

  it('does not require a specialist when the override lifts a stage, not a category', () => {
    expect(
      decideReview({ current: stageOnly, decision: 'eligible', reason: 'court asked', reviewerRole: 'admin' }),
    ).toMatchObject({
      overrodeIneligible: true,
      overrodeExclusion: false,
      requiresSpecialist: false,
    });
  });

  it('has nothing to review on an eligible screening, and confirms no ineligible one', () => {
    expect(
      ruleOf(() =>
        decideReview({
          current: { outcome: 'eligible', reasons: [] },
          decision: 'ineligible',
          reason: 'x',
          reviewerRole: 'admin',
        }),
      ),
    ).toBe('review_only_of_pending_or_override');
    expect(() =>
      decideReview({ current: excludedCategory, decision: 'ineligible', reason: 'x', reviewerRole: 'admin' }),
    ).toThrow(RuleViolation);
  });

  it('gives referral.reviewed its data without the reason in words', () => {
    const data = reviewedEventData(
      decideReview({ current: excludedCategory, decision: 'eligible', reason: 'secret words', reviewerRole: 'admin' }),
    );
    expect(data).toEqual({
      decision: 'eligible',
      reviewerRole: 'admin',
      overrodeExclusion: true,
      requiresSpecialist: true,
      specialistCategory: 'domestic_violence',
      reasonRecorded: true,
    });
    expect(JSON.stringify(data)).not.toContain('secret words');
    expect(validateEventData(ReferralReviewed, data)).toEqual([]);
    const stage = reviewedEventData(
      decideReview({ current: stageOnly, decision: 'eligible', reason: 'r', reviewerRole: 'admin' }),
    );
    const plain = reviewedEventData(
      decideReview({ current: needsReview, decision: 'ineligible', reason: 'r', reviewerRole: 'prosecutor' }),
    );
    expect([validateEventData(ReferralReviewed, stage), validateEventData(ReferralReviewed, plain)]).toEqual([[], []]);
  });
});

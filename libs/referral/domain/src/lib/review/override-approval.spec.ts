import { RuleViolation } from '@rj/shared/contracts';
import { decideReview } from './decide-review';
import { assertSecondApprover, overrideNeedsSecondApproval } from './override-approval';

const override = (category: string, rule = 'excluded_offense_category') =>
  decideReview({
    current: { outcome: 'ineligible', reasons: [{ rule, detail: category }] },
    decision: 'eligible',
    reason: 'MOU with the specialist network',
    reviewerRole: 'admin',
  } as Parameters<typeof decideReview>[0]);

describe("a second admin's approval of an override", () => {
  it.each(['domestic_violence', 'sexual_offense'])('is needed to lift the exclusion of %s', (category) => {
    expect(overrideNeedsSecondApproval(override(category))).toBe(true);
  });

  it('is not needed for another excluded category, nor for a lifted stage or severity', () => {
    expect(overrideNeedsSecondApproval(override('arson'))).toBe(false);
    expect(overrideNeedsSecondApproval(override('felony', 'excluded_severity'))).toBe(false);
    expect(overrideNeedsSecondApproval(override('post_conviction', 'stage_not_allowed'))).toBe(false);
  });

  it('must come from another admin than the one who asked', () => {
    expect(() => assertSecondApprover('admin-1', 'admin-1')).toThrow(RuleViolation);
    expect(() => assertSecondApprover('admin-1', 'admin-1')).toThrow('cannot also approve it');
    expect(() => assertSecondApprover('admin-1', 'admin-2')).not.toThrow();
  });
});

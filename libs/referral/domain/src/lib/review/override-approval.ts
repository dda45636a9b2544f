import { RuleViolation } from '@rj/shared/contracts';
import type { ReviewResult } from './decide-review';

/**
 * Offence categories whose exclusion only two admins together may lift: domestic violence and
 * sexual offences, where a dialogue can put the harmed person in danger (product.md, Safety
 * first). One admin asks, with a reason; another approves, and only then is the override
 * applied. Other excluded categories are overridden by one admin, as before.
 */
export const SECOND_APPROVAL_CATEGORIES: readonly string[] = Object.freeze(['domestic_violence', 'sexual_offense']);

/** True when this review would lift the exclusion of a category that needs a second admin. */
export function overrideNeedsSecondApproval(
  result: Pick<ReviewResult, 'overrodeExclusion' | 'specialistCategory'>,
): boolean {
  return (
    result.overrodeExclusion &&
    result.specialistCategory !== undefined &&
    SECOND_APPROVAL_CATEGORIES.includes(result.specialistCategory)
  );
}

/**
 * The approver must be another person than the admin who asked: the second pair of eyes is the
 * point. 409, with a sentence the console can show as it is.
 */
export function assertSecondApprover(requestedBySub: string, approverSub: string): void {
  if (requestedBySub === approverSub) {
    throw new RuleViolation(
      'override_needs_second_admin',
      'You asked for this override yourself, so you cannot also approve it. Another admin has to approve it.',
    );
  }
}

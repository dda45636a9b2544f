import { Forbidden, RuleViolation, type Role } from '@rj/shared/contracts';
import { excludedCategoryOf, type ScreeningDecision } from '../screening/screening-decision';
import type { ReviewDecision, ScreeningOutcome } from '../vocabulary';

export interface ReviewRequest {
  /**
   * The screening as it stands (after any earlier review): its outcome and the screening's
   * reasons, which tell whether an override lifts an excluded category.
   */
  current: Pick<ScreeningDecision, 'outcome' | 'reasons'>;
  decision: ReviewDecision;
  /** Kept by intake only: a reason in words never travels in an event (api.md, Events). */
  reason: string;
  reviewerRole: Role;
}

export interface ReviewResult {
  decision: ReviewDecision;
  reviewerRole: 'prosecutor' | 'admin';
  /** The referral status the review leads to. */
  status: 'matching' | 'ineligible';
  /** An admin made an ineligible referral eligible (for any excluding rule). */
  overrodeIneligible: boolean;
  /** ...and that lifted an excluded offence category (product.md: "excluded categories"). */
  overrodeExclusion: boolean;
  /** product.md, Safety first: an overridden excluded category goes only to specialist partners. */
  requiresSpecialist: boolean;
  /** The category a specialist partner must list among its specialties, when one is required. */
  specialistCategory?: string;
  /** The reason itself stays in intake; the event only says one was recorded. */
  reasonRecorded: true;
}

/**
 * product.md, Screening: needs review means "a person decides, with a recorded reason"; an
 * excluded category is made eligible "only by an admin ... with a recorded reason, the case
 * then going only to specialist partners". A prosecutor may decide a needs_review screening
 * but never lift an exclusion (403: a role that may never do it).
 */
export function decideReview(request: ReviewRequest): ReviewResult {
  const current = request.current.outcome;
  const reviewerRole = assertReviewerRole(request.reviewerRole);
  assertReviewPending(current, request.decision);
  if (current === 'ineligible') assertAdminOverride(request.reviewerRole);
  assertReasonRecorded(request.reason);

  const overrodeIneligible = current === 'ineligible' && request.decision === 'eligible';
  // Only a lifted excluded category needs a specialist; a lifted stage or severity does not.
  const specialistCategory = overrodeIneligible ? excludedCategoryOf(request.current) : null;
  return {
    decision: request.decision,
    reviewerRole,
    status: request.decision === 'eligible' ? 'matching' : 'ineligible',
    overrodeIneligible,
    overrodeExclusion: specialistCategory !== null,
    requiresSpecialist: specialistCategory !== null,
    ...(specialistCategory !== null ? { specialistCategory } : {}),
    reasonRecorded: true,
  };
}

/** api.md: `POST /api/referrals/{id}/review` is for prosecutors and admins only. */
function assertReviewerRole(role: Role): 'prosecutor' | 'admin' {
  if (role !== 'prosecutor' && role !== 'admin') {
    throw new Forbidden(`a ${role} may not review a screening`, { rule: 'review_by_prosecutor_or_admin' });
  }
  return role;
}

/**
 * Only a needs_review screening awaits a decision; an ineligible one may only be overridden
 * (decided eligible). An eligible referral has nothing to review.
 */
function assertReviewPending(current: ScreeningOutcome, decision: ReviewDecision): void {
  if (current === 'needs_review') return;
  if (current === 'ineligible' && decision === 'eligible') return;
  throw new RuleViolation(
    'review_only_of_pending_or_override',
    current === 'eligible'
      ? 'the referral was screened eligible: there is nothing to review'
      : 'an ineligible screening can only be overridden to eligible',
  );
}

/** "A person decides, with a recorded reason": an empty reason is not a recorded one. */
function assertReasonRecorded(reason: string): void {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new RuleViolation('review_reason_required', 'a review needs a recorded reason');
  }
}

/** "Excluded categories are overridden only by an admin with a recorded reason." */
function assertAdminOverride(role: Role): void {
  if (role !== 'admin') {
    throw new Forbidden('only an admin may override an ineligible screening', {
      rule: 'exclusion_override_admin_only',
    });
  }
}

/** The data of `referral.reviewed` (libs/shared/contracts): codes and flags, never the reason. */
export function reviewedEventData(result: ReviewResult) {
  const { decision, reviewerRole, overrodeExclusion, requiresSpecialist, specialistCategory, reasonRecorded } = result;
  return {
    decision,
    reviewerRole,
    overrodeExclusion,
    requiresSpecialist,
    ...(specialistCategory !== undefined ? { specialistCategory } : {}),
    reasonRecorded,
  };
}

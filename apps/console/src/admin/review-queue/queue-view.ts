import { describeCode, type Vocabulary } from '../../messages/describe';
import type { ReferralSummary } from '../../prosecutor/api-shapes';

/** An override of an excluded category waiting for a second administrator (`GET /api/review-overrides`). */
export interface OverrideRequest {
  id: string;
  referralId: string;
  status: 'pending' | 'approved' | 'rejected';
  category: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  referral: ReferralSummary;
  /** Only when one request is read: the asking administrator's reason (null once erased). */
  reason?: string | null;
}

// The categories whose override two administrators decide together. The service enforces it;
// the console only says so before the administrator asks.
const SECOND_APPROVAL_CATEGORIES = ['domestic_violence', 'sexual_offense'];

// Which vocabulary a screening reason's detail code belongs to.
const DETAIL_VOCABULARY: Record<string, Vocabulary | undefined> = {
  excluded_offense_category: 'offenseCategory',
  review_offense_category: 'offenseCategory',
  stage_not_allowed: 'stage',
  excluded_severity: 'severity',
};

/** Each screening reason as a sentence and the thing it is about, in words. */
export function reasonsInWords(
  reasons: readonly { rule: string; detail: string }[],
): { sentence: string; about: string }[] {
  return reasons.map((reason) => {
    const vocabulary = DETAIL_VOCABULARY[reason.rule];
    return {
      sentence: describeCode('screeningRule', reason.rule),
      about: vocabulary ? describeCode(vocabulary, reason.detail) : '',
    };
  });
}

/** The excluded categories an override would lift, when one of them needs a second administrator. */
export function secondApprovalCategory(
  referral: Pick<ReferralSummary, 'status' | 'screeningReasons'>,
): string | undefined {
  if (referral.status !== 'ineligible') return undefined;
  return referral.screeningReasons.find(
    (reason) => reason.rule === 'excluded_offense_category' && SECOND_APPROVAL_CATEGORIES.includes(reason.detail),
  )?.detail;
}

/** The review's answer: 200 is the referral as decided, 202 an override request awaiting approval. */
export function isOverrideRequest(answer: unknown): answer is OverrideRequest {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    'referralId' in answer &&
    'category' in answer &&
    (answer as { status?: unknown }).status === 'pending'
  );
}

export interface QueueRow {
  referral: ReferralSummary;
  reasons: { sentence: string; about: string }[];
  /** The pending override request of this referral, if any (then nobody decides it again). */
  pendingRequestId?: string;
  needsSecondApproval: boolean;
}

/** One queue's rows: the referral's facts, its reasons in words, and any override already asked for. */
export function queueRows(referrals: readonly ReferralSummary[], pending: readonly OverrideRequest[]): QueueRow[] {
  const requestOf = new Map(pending.map((request) => [request.referralId, request.id]));
  return referrals.map((referral) => ({
    referral,
    reasons: reasonsInWords(referral.screeningReasons),
    pendingRequestId: requestOf.get(referral.id),
    needsSecondApproval: secondApprovalCategory(referral) !== undefined,
  }));
}

/** Who asked for an override, as the person reading it should see it (the service gives an account id). */
export function askedBy(request: Pick<OverrideRequest, 'requestedBy'>, currentSub: string): 'you' | 'another' {
  return request.requestedBy === currentSub ? 'you' : 'another';
}

/** The review form as posted; kept as typed for a re-render. */
export interface ReviewForm {
  decision?: string;
  reason?: string;
}

export const REVIEW_LABELS: Record<string, string> = { decision: 'Decision', reason: 'Reason' };

export function reviewFormFrom(body: Record<string, unknown>): ReviewForm {
  return {
    decision: typeof body['decision'] === 'string' ? body['decision'] : undefined,
    reason: typeof body['reason'] === 'string' ? body['reason'] : undefined,
  };
}

/** `POST /api/referrals/{id}/review`: `{ decision, reason }`; an empty answer is sent for the service to name. */
export function reviewBody(form: ReviewForm): { decision: string; reason: string } {
  return { decision: form.decision ?? '', reason: form.reason?.trim() ?? '' };
}

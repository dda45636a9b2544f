import type { FollowUpEntity } from '@rj/outcome/data-access';

/** What a prosecutor sees of a follow-up (FollowUpView in OpenAPI). */
export function followUpView(f: FollowUpEntity) {
  return {
    id: f.id,
    referralId: f.referralId,
    caseId: f.caseId,
    monthsAfter: f.monthsAfter,
    dueOn: f.dueOn,
    status: f.status,
    reoffended: f.reoffended,
  };
}

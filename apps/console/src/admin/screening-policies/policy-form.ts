import { CODE_PATTERN } from '@rj/shared/contracts';
import { describeCode } from '../../messages/describe';
import { ticked, tickedAndOthers, yesNo } from '../forms/form-fields';
import type { ScreeningPolicyView } from '../api-shapes';

/** The policy form as posted (and re-rendered after an error): every box as ticked. */
export interface PolicyForm {
  excludedOffenseCategories: string[];
  excludedOffenseCategoriesOther?: string;
  reviewOffenseCategories: string[];
  reviewOffenseCategoriesOther?: string;
  allowedStages: string[];
  excludedSeverities: string[];
  protectiveOrderNeedsReview?: string;
  /** The version the form was filled from: saving over a newer one is refused (see `staleEdit`). */
  basedOn?: string;
}

/** Each control's label, keyed by the control's id (the API's field names). */
export const POLICY_LABELS: Record<string, string> = {
  excludedOffenseCategories: 'Excluded offence categories',
  reviewOffenseCategories: 'Offence categories that need a review',
  allowedStages: 'Stages a referral may come at',
  excludedSeverities: 'Excluded severities',
  protectiveOrderNeedsReview: 'Protective order',
  jurisdiction: 'Jurisdiction',
};

export type PolicyBody = Pick<
  ScreeningPolicyView,
  'excludedOffenseCategories' | 'reviewOffenseCategories' | 'allowedStages' | 'excludedSeverities'
> & { protectiveOrderNeedsReview: boolean | string };

/** A jurisdiction code from a URL; anything else names no policy page. */
export function isJurisdictionCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_PATTERN.test(value);
}

export function policyFormOf(policy: ScreeningPolicyView): PolicyForm {
  return {
    excludedOffenseCategories: [...policy.excludedOffenseCategories],
    reviewOffenseCategories: [...policy.reviewOffenseCategories],
    allowedStages: [...policy.allowedStages],
    excludedSeverities: [...policy.excludedSeverities],
    protectiveOrderNeedsReview: policy.protectiveOrderNeedsReview ? 'yes' : 'no',
    basedOn: String(policy.version),
  };
}

/** Only the fields the form has; a box nobody ticked is simply absent from the post. */
export function policyFormFrom(body: Record<string, unknown>): PolicyForm {
  return {
    excludedOffenseCategories: ticked(body['excludedOffenseCategories']),
    excludedOffenseCategoriesOther: asText(body['excludedOffenseCategoriesOther']),
    reviewOffenseCategories: ticked(body['reviewOffenseCategories']),
    reviewOffenseCategoriesOther: asText(body['reviewOffenseCategoriesOther']),
    allowedStages: ticked(body['allowedStages']),
    excludedSeverities: ticked(body['excludedSeverities']),
    protectiveOrderNeedsReview: asText(body['protectiveOrderNeedsReview']),
    basedOn: asText(body['basedOn']),
  };
}

/** `PUT /api/screening-policies/{jurisdiction}`: the whole policy; every save is a new version. */
export function policyBody(form: PolicyForm): PolicyBody {
  return {
    excludedOffenseCategories: tickedAndOthers(form.excludedOffenseCategories, form.excludedOffenseCategoriesOther),
    reviewOffenseCategories: tickedAndOthers(form.reviewOffenseCategories, form.reviewOffenseCategoriesOther),
    allowedStages: ticked(form.allowedStages),
    excludedSeverities: ticked(form.excludedSeverities),
    // Unanswered is sent as such, so the service names it rather than a default deciding.
    protectiveOrderNeedsReview: yesNo(form.protectiveOrderNeedsReview) ?? '',
  };
}

/**
 * The service adds a version on every save and has no check that the editor saw the latest
 * one, so the console checks: a form filled from version 3 while version 4 now exists would
 * silently undo the other administrator's change.
 */
export function staleEdit(form: PolicyForm, current: Pick<ScreeningPolicyView, 'version'>): string | undefined {
  if (form.basedOn === undefined || form.basedOn === String(current.version)) return undefined;
  return `Another administrator saved version ${current.version} of this policy while you were changing it. The form now shows your changes; check version ${current.version} in the history below, then save again if your changes should still apply.`;
}

/** What one version changed from the one before it, in sentences (the history's "changes" column). */
export function policyChanges(before: ScreeningPolicyView | undefined, after: ScreeningPolicyView): string[] {
  if (!before) return ['First version of this policy.'];
  const changes = [
    ...listChange('Excluded', before.excludedOffenseCategories, after.excludedOffenseCategories, 'offenseCategory'),
    ...listChange(
      'Review needed for',
      before.reviewOffenseCategories,
      after.reviewOffenseCategories,
      'offenseCategory',
    ),
    ...listChange('Allowed stage', before.allowedStages, after.allowedStages, 'stage'),
    ...listChange('Excluded severity', before.excludedSeverities, after.excludedSeverities, 'severity'),
  ];
  if (before.protectiveOrderNeedsReview !== after.protectiveOrderNeedsReview) {
    changes.push(
      after.protectiveOrderNeedsReview
        ? 'A protective order now sends a referral to review.'
        : 'A protective order no longer sends a referral to review.',
    );
  }
  return changes.length ? changes : ['No change to the rules.'];
}

function listChange(
  what: string,
  before: readonly string[],
  after: readonly string[],
  vocabulary: 'offenseCategory' | 'stage' | 'severity',
): string[] {
  const words = (codes: string[]) => codes.map((code) => describeCode(vocabulary, code).toLowerCase()).join(', ');
  const added = after.filter((code) => !before.includes(code));
  const removed = before.filter((code) => !after.includes(code));
  return [
    ...(added.length ? [`${what} added: ${words(added)}.`] : []),
    ...(removed.length ? [`${what} removed: ${words(removed)}.`] : []),
  ];
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

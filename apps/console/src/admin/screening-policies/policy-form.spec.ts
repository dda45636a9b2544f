import { ApiRefused } from '../../platform/api-client';
import { categoryItems, vocabularyItems } from '../forms/category-choices';
import { explainFailure } from '../forms/refusal';
import { renderPage } from '../test/render-page';
import type { ScreeningPolicyView } from '../api-shapes';
import { historyRows } from './policy-history';
import {
  isJurisdictionCode,
  POLICY_LABELS,
  policyBody,
  policyChanges,
  policyFormFrom,
  policyFormOf,
  staleEdit,
} from './policy-form';

function version(n: number, rules: Partial<ScreeningPolicyView> = {}): ScreeningPolicyView {
  return {
    jurisdiction: 'NL-NH',
    version: n,
    default: n === 0,
    excludedOffenseCategories: ['domestic_violence', 'sexual_offense'],
    reviewOffenseCategories: [],
    allowedStages: ['pre_charge', 'pre_trial', 'post_conviction'],
    excludedSeverities: [],
    protectiveOrderNeedsReview: true,
    createdAt: `2026-12-0${n}T10:00:00.000Z`,
    ...rules,
  };
}

describe('the screening policy form', () => {
  it('puts the whole policy: ticked boxes, other codes typed in, yes or no', () => {
    const form = policyFormFrom({
      excludedOffenseCategories: 'domestic_violence',
      excludedOffenseCategoriesOther: 'stalking, hate_crime',
      reviewOffenseCategories: ['assault', 'robbery'],
      allowedStages: ['pre_trial'],
      protectiveOrderNeedsReview: 'no',
    });
    expect(policyBody(form)).toEqual({
      excludedOffenseCategories: ['domestic_violence', 'stalking', 'hate_crime'],
      reviewOffenseCategories: ['assault', 'robbery'],
      allowedStages: ['pre_trial'],
      excludedSeverities: [],
      protectiveOrderNeedsReview: false,
    });
  });

  it('sends no boxes ticked as an empty list and an unanswered question for the service to name', () => {
    expect(policyBody(policyFormFrom({}))).toEqual({
      excludedOffenseCategories: [],
      reviewOffenseCategories: [],
      allowedStages: [],
      excludedSeverities: [],
      protectiveOrderNeedsReview: '',
    });
  });

  it('fills from the stored policy and refuses to save over a version saved meanwhile', () => {
    const form = policyFormOf(version(3));
    expect(form.basedOn).toBe('3');
    expect(form.protectiveOrderNeedsReview).toBe('yes');
    expect(staleEdit(form, { version: 3 })).toBeUndefined();
    expect(staleEdit(form, { version: 4 })).toContain('Another administrator saved version 4');
  });

  it('takes only jurisdiction codes from a URL', () => {
    expect(isJurisdictionCode('NL-NH')).toBe(true);
    expect(isJurisdictionCode('North Holland')).toBe(false);
    expect(isJurisdictionCode('../x')).toBe(false);
  });

  it('says in words what each version changed, newest first', () => {
    const rows = historyRows([
      version(1),
      version(3, {
        excludedOffenseCategories: ['domestic_violence'],
        allowedStages: ['pre_trial', 'post_conviction'],
        protectiveOrderNeedsReview: false,
      }),
      version(2, { reviewOffenseCategories: ['assault'] }),
    ]);
    expect(rows.map((row) => row.version)).toEqual([3, 2, 1]);
    expect(rows[0].current).toBe(true);
    expect(rows[0].changes).toEqual([
      'Excluded removed: sexual offence.',
      'Review needed for removed: assault.',
      'Allowed stage removed: before charge.',
      'A protective order no longer sends a referral to review.',
    ]);
    expect(rows[1].changes).toEqual(['Review needed for added: assault.']);
    expect(rows[2].changes).toEqual(['First version of its own.']);
    expect(policyChanges(version(1), version(2))).toEqual(['No change to the rules.']);
  });

  it('says what the first version changed from the built-in policy, and who saved it when it was the reader', () => {
    const builtIn = version(0, { createdAt: undefined });
    const [first] = historyRows(
      [version(1, { excludedOffenseCategories: ['domestic_violence'], createdBy: 'admin-one' }), builtIn],
      'admin-one',
    );
    expect(first.changes).toEqual([
      'First version of its own, replacing the built-in policy.',
      'Excluded removed: sexual offence.',
    ]);
    expect(first.byYou).toBe(true);
    expect(historyRows([version(1, { createdBy: 'admin-two' })], 'admin-one')[0].byYou).toBe(false);
  });

  it('does not guess the changes of a version whose predecessor is not listed', () => {
    expect(historyRows([version(5), version(7)])[0].changes[0]).toContain('not shown');
  });

  it('re-renders a refused policy with the boxes as ticked, the error linked and the history below', async () => {
    const form = policyFormFrom({
      excludedOffenseCategories: ['domestic_violence', 'regional_code'],
      allowedStages: ['pre_trial'],
      protectiveOrderNeedsReview: 'yes',
      basedOn: '2',
    });
    const failure = explainFailure(
      new ApiRefused(
        { status: 400, errors: [{ field: 'excludedOffenseCategories', message: 'must be a code, not free text' }] },
        'c',
      ),
      POLICY_LABELS,
      { fallbackId: 'excludedOffenseCategories' },
    );
    const html = await renderPage('pages/admin/screening-policies/edit.njk', {
      title: 'Screening policy for NL-NH',
      jurisdiction: 'NL-NH',
      current: version(2),
      form,
      errors: failure?.errors,
      history: historyRows([version(1), version(2)]),
      excludedItems: categoryItems(form.excludedOffenseCategories),
      reviewItems: categoryItems(form.reviewOffenseCategories),
      stageItems: vocabularyItems('stage', form.allowedStages),
      severityItems: vocabularyItems('severity', form.excludedSeverities),
    });
    expect(html).toContain('href="#excludedOffenseCategories">Excluded offence categories must be codes');
    expect(html).toMatch(/name="excludedOffenseCategories" type="checkbox" value="regional_code" checked/);
    expect(html).toMatch(/name="allowedStages" type="checkbox" value="pre_trial" checked/);
    expect(html).not.toMatch(/name="allowedStages" type="checkbox" value="pre_charge" checked/);
    expect(html).toContain('name="basedOn" value="2"');
    expect(html).toContain('/admin/screening-policies/NL-NH/versions/1');
    expect(html).toContain('First version of its own.');
  });
});

import { REFERRAL_STATUSES, SCREENING_RULES, WITHDRAW_REASON_CODES } from '@rj/shared/contracts';
import { choicesOf, describeCode, humanise } from './describe';
import { EN } from './en';

describe('the message catalogue', () => {
  it('has a sentence for every referral status, screening rule and withdrawal reason', () => {
    for (const status of REFERRAL_STATUSES) expect(EN.referralStatus[status]).toMatch(/^[A-Z]/);
    for (const status of REFERRAL_STATUSES) expect(EN.referralNextStep[status]).toMatch(/\.$/);
    for (const rule of SCREENING_RULES) expect(EN.screeningRule[rule]).toMatch(/\.$/);
    for (const code of WITHDRAW_REASON_CODES) expect(describeCode('withdrawReason', code)).not.toContain('_');
  });

  it('never shows a raw code: unknown codes read as words', () => {
    expect(describeCode('offenseCategory', 'shop_lifting_minor')).toBe('Shop lifting minor');
    expect(humanise('needs-review')).toBe('Needs review');
    expect(describeCode('referralStatus', 'needs_review')).toBe('Needs a review');
    expect(describeCode('referralStatus', null)).toBe('');
  });

  it('offers choices in catalogue order', () => {
    expect(choicesOf('stage').map((choice) => choice.value)).toEqual(['pre_charge', 'pre_trial', 'post_conviction']);
  });
});

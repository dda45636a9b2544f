import { median } from './figures';
import { defineMetric } from './metric-definition';
import type { ReferralFacts } from './facts';

const DAY_MS = 86_400_000;

function medianDaysTo(referrals: readonly ReferralFacts[], milestone: (referral: ReferralFacts) => string | null) {
  const days = referrals.flatMap((referral) => {
    const at = milestone(referral);
    return at === null ? [] : [(Date.parse(at) - Date.parse(referral.submittedAt)) / DAY_MS];
  });
  return median(days, 1);
}

/** Domain research M10 found no standard "first contact"; this is the platform's own definition. */
export const daysToFirstContact = defineMetric({
  id: 'daysToFirstContact',
  title: 'Median days from referral to first contact',
  definition:
    'Median, over referrals that reached it, of the days (fractional, one decimal) from referral.submitted to the first contact with a party: the first session scheduled or the first information recorded, whichever came first.',
  compute: ({ referrals }) => medianDaysTo(referrals, (referral) => referral.firstContactAt),
});

export const daysToAcceptance = defineMetric({
  id: 'daysToAcceptance',
  title: 'Median days from referral to acceptance',
  definition:
    'Median, over referrals that reached it, of the days (fractional, one decimal) from referral.submitted to offer.accepted.',
  compute: ({ referrals }) => medianDaysTo(referrals, (referral) => referral.acceptedAt),
});

export const daysToDialogue = defineMetric({
  id: 'daysToDialogue',
  title: 'Median days from referral to dialogue',
  definition:
    'Median, over referrals that reached it, of the days (fractional, one decimal) from referral.submitted to the first completed joint or indirect dialogue session.',
  compute: ({ referrals }) => medianDaysTo(referrals, (referral) => referral.firstDialogueAt),
});

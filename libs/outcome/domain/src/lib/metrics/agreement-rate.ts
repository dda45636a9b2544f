import { rate } from './figures';
import { defineMetric } from './metric-definition';

/** Domain research M4: agreements ÷ dialogues held — a case that never met cannot agree. */
export const agreementRate = defineMetric({
  id: 'agreementRate',
  title: 'Agreement rate',
  definition:
    'Cases concluded with an agreement, divided by cases concluded after a dialogue (joint or indirect) was held.',
  compute: ({ referrals }) => {
    const held = referrals.flatMap((referral) =>
      referral.case?.concluded && referral.case.dialogueHeld ? [referral.case.concluded] : [],
    );
    return rate(held.filter((concluded) => concluded.agreementReached).length, held.length);
  },
});

import { missingFromEnvExample } from '@rj/shared/testing';
import { ReferralIntakeEnv } from './referral-intake.env';

describe('ReferralIntakeEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(ReferralIntakeEnv)).toEqual([]);
  });
});

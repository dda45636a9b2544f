import { missingFromEnvExample } from '@rj/shared/testing';
import { OutcomeTrackingEnv } from './outcome-tracking.env';

describe('OutcomeTrackingEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(OutcomeTrackingEnv)).toEqual([]);
  });
});

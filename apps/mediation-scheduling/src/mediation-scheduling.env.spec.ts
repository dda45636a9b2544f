import { missingFromEnvExample } from '@rj/shared/testing';
import { MediationSchedulingEnv } from './mediation-scheduling.env';

describe('MediationSchedulingEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(MediationSchedulingEnv)).toEqual([]);
  });
});
